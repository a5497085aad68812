namespace ServiceRecoveryBot.Channels.Slack;

/// <summary>
/// A Slack conversation as the bot's conversation id: the channel (a DM is one conversation), or a channel's thread
/// (<c>C0LAN2Q65:1515449483.000108</c>), so that each case started by a mention in a busy channel keeps its own dialog
/// and its replies go to that thread.
/// </summary>
public readonly record struct SlackConversation(string Channel, string? ThreadTs)
{
    public static SlackConversation Parse(string conversationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var colon = conversationId.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? new(conversationId, null) : new(conversationId[..colon], conversationId[(colon + 1)..]);
    }

    public override string ToString() => ThreadTs is null ? Channel : Channel + ":" + ThreadTs;
}
