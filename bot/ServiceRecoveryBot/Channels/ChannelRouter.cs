using ServiceRecoveryBot.Channels.Local;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Channels;

/// <summary>Sends to the local in-process channel when the serviceUrl is its own, otherwise over the Bot Connector API.</summary>
public sealed class ChannelRouter(LocalChannel local, ConnectorClient connector) : IChannelClient
{
    public Task<SendResult> SendAsync(string serviceUrl, Activity activity, CancellationToken ct) =>
        local.Owns(serviceUrl) ? Task.FromResult(local.Deliver(activity)) : connector.SendAsync(serviceUrl, activity, ct);

    public Task<SendResult> UpdateAsync(string serviceUrl, Activity activity, CancellationToken ct) =>
        local.Owns(serviceUrl) ? Task.FromResult(local.Deliver(activity)) : connector.UpdateAsync(serviceUrl, activity, ct);
}
