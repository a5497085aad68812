using ServiceRecoveryBot.Channels.Local;
using ServiceRecoveryBot.Channels.Slack;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Channels;

/// <summary>
/// Sends to the local in-process channel when the serviceUrl is its own, to Slack's Web API for Slack conversations,
/// otherwise over the Bot Connector API (worded for @mentions in a Teams channel or group chat).
/// </summary>
public sealed class ChannelRouter(LocalChannel local, ConnectorClient connector, SlackWebClient slack) : IChannelClient
{
    public Task<SendResult> SendAsync(string serviceUrl, Activity activity, CancellationToken ct) =>
        local.Owns(serviceUrl) ? Task.FromResult(local.Deliver(activity))
        : IsSlack(activity) ? slack.SendAsync(serviceUrl, activity, ct)
        : connector.SendAsync(serviceUrl, Teams.TeamsActivity.ForGroup(activity), ct);

    public Task<SendResult> UpdateAsync(string serviceUrl, Activity activity, CancellationToken ct) =>
        local.Owns(serviceUrl) ? Task.FromResult(local.Deliver(activity))
        : IsSlack(activity) ? slack.UpdateAsync(serviceUrl, activity, ct)
        : connector.UpdateAsync(serviceUrl, Teams.TeamsActivity.ForGroup(activity), ct);

    private static bool IsSlack(Activity activity) => string.Equals(activity.ChannelId, SlackOptions.ChannelId, StringComparison.OrdinalIgnoreCase);
}
