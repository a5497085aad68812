using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Channels;

/// <summary>What a channel can show: Adaptive Cards or plain text, and whether it shows a typing indicator.</summary>
public static class ChannelCapabilities
{
    private static readonly HashSet<string> CardChannels = new(StringComparer.OrdinalIgnoreCase) { "msteams", "directline", "webchat", "emulator" };

    private static readonly HashSet<string> TypingChannels = new(StringComparer.Ordinal) { "msteams", "directline", "webchat" };

    /// <summary>Channels that show a typing indicator (Slack has none for bots).</summary>
    public static bool ShowsTyping(string? channelId) => channelId is not null && TypingChannels.Contains(channelId);

    public static bool SupportsCards(string? channelId) => channelId is not null && CardChannels.Contains(channelId);

    /// <summary>
    /// Keeps the card (and drops the duplicate text and buttons) where cards render; keeps the text and the buttons and
    /// drops the card elsewhere, so a manager in Slack still acts with one tap (a card's buttons come typed out as
    /// suggested actions, see <see cref="Cards.ManagerCards"/>).
    /// </summary>
    public static Activity Fit(Activity activity, string? channelId)
    {
        if (activity.Attachments is not { Count: > 0 }) return activity;
        return SupportsCards(channelId) ? activity with { Text = null, SuggestedActions = null } : activity with { Attachments = null };
    }
}
