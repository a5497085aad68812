using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace ServiceRecoveryBot.Channels.Slack.Home;

/// <summary>
/// The Home tabs waiting to be published again because a case changed: written by the case store's saves, read by
/// <see cref="SlackHome"/>. Bounded; when full a refresh is dropped (the next open publishes anyway).
/// </summary>
public sealed class SlackHomeRefreshes(IOptions<SlackOptions> options)
{
    public const int MaxQueued = 512;

    private readonly Channel<(string Team, string User)> queue = Channel.CreateBounded<(string, string)>(
        new BoundedChannelOptions(MaxQueued) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public ChannelReader<(string Team, string User)> Reader => queue.Reader;

    public static bool IsSlackTeam(string teamKey) => teamKey.StartsWith(SlackOptions.ChannelId + ":", StringComparison.Ordinal);

    /// <summary>A case of <paramref name="teamKey"/> owned by <paramref name="staffId"/> changed: their home and the managers' are refreshed.</summary>
    public void CaseChanged(string teamKey, string staffId)
    {
        if (!IsSlackTeam(teamKey) || string.IsNullOrEmpty(options.Value.BotToken)) return;
        queue.Writer.TryWrite((teamKey, staffId));
    }
}
