using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Turns.References;

/// <summary>
/// The one channel-neutral way to message a conversation the bot is not currently answering:
/// a conversation reference in, an outcome out (delivered, throttled, conversation gone, failed).
/// </summary>
public interface IProactiveMessenger
{
    Task<SendResult> SendAsync(ConversationReference reference, Activity activity, CancellationToken ct);

    /// <summary>Replaces a message sent earlier (for example a card whose buttons must not be pressed twice).</summary>
    Task<SendResult> UpdateAsync(ConversationReference reference, string activityId, Activity activity, CancellationToken ct);
}
