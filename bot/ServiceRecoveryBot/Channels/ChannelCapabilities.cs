using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Channels;

/// <summary>What a channel can show. Cards where it renders Adaptive Cards; plain text everywhere else.</summary>
public static class ChannelCapabilities
{
    private static readonly HashSet<string> CardChannels = new(StringComparer.OrdinalIgnoreCase) { "msteams", "directline", "webchat", "emulator" };

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
