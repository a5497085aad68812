namespace ServiceRecoveryBot.Channels.BotFramework;

/// <summary>
/// Section <c>Messages</c>: how long <c>/api/messages</c> waits for a turn before answering the channel anyway. Teams
/// gives up after 15 s and sends the activity again; the turn and its sends (with their retries) go on meanwhile.
/// </summary>
public sealed class MessagesOptions
{
    public const string Section = "Messages";

    public TimeSpan AckBudget { get; set; } = TimeSpan.FromSeconds(5);
}
