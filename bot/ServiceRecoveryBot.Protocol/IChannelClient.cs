namespace ServiceRecoveryBot.Protocol;

/// <summary>Sends activities to a channel: the Bot Connector REST API, or an in-process channel.</summary>
public interface IChannelClient
{
    /// <summary>Replies to <see cref="Activity.ReplyToId"/> when set, otherwise appends to the conversation.</summary>
    Task<SendResult> SendAsync(string serviceUrl, Activity activity, CancellationToken ct);

    /// <summary>Replaces an activity the bot sent earlier (for example a card whose buttons must not be pressed twice).</summary>
    Task<SendResult> UpdateAsync(string serviceUrl, Activity activity, CancellationToken ct);
}
