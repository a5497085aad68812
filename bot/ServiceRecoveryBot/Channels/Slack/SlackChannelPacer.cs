using System.Threading.RateLimiting;

namespace ServiceRecoveryBot.Channels.Slack;

/// <summary>
/// Keeps posts to each Slack channel within Slack's allowance for <c>chat.postMessage</c> (about one message a second
/// per channel, with short bursts allowed): <see cref="Burst"/> posts go at once, then one a second, in order. A burst
/// to a managers' channel (a digest and a few escalations at one reminder tick) waits its turn instead of meeting
/// Slack's 429s, and a turn's two or three replies to a staff member are not held back. One pacer for the process.
/// </summary>
public sealed class SlackChannelPacer : IDisposable
{
    public const int Burst = 4;

    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(channel =>
        RateLimitPartition.GetTokenBucketLimiter(channel, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 1000,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        }));

    /// <summary>Waits for the channel's next slot; the lease is not acquired when a thousand posts already wait.</summary>
    public ValueTask<RateLimitLease> AcquireAsync(string channel, CancellationToken ct) => limiter.AcquireAsync(channel, 1, ct);

    public void Dispose() => limiter.Dispose();
}
