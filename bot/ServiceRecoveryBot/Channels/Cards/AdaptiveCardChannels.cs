using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Channels.Cards;

/// <summary>Which channels render Adaptive Cards (Web Chat over Direct Line, Teams, the Emulator).</summary>
public static class AdaptiveCardChannels
{
    private static readonly HashSet<string> Supported = new(StringComparer.OrdinalIgnoreCase) { "directline", "webchat", "msteams", "emulator" };

    public static bool Supports(Activity activity) => activity.ChannelId is { } channel && Supported.Contains(channel);
}
