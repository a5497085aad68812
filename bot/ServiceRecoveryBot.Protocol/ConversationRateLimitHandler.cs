using System.Threading.RateLimiting;

namespace ServiceRecoveryBot.Protocol;

/// <summary>
/// Keeps outbound sends to Teams within its per-conversation limit (7 messages a second per bot per conversation):
/// requests to the same <c>v3/conversations/{id}</c> wait, in order, for a slot instead of being throttled by the
/// service. Other channels' service URLs are not limited here (they have their own limits, answered with 429).
/// The limiter is shared (a singleton), so handler rotation by the HTTP client factory does not reset it.
/// </summary>
public sealed class ConversationRateLimitHandler(ConversationRateLimiter limiter) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!ConversationRateLimiter.IsTeams(request.RequestUri)) return await base.SendAsync(request, cancellationToken);
        using var lease = await limiter.AcquireAsync(request.RequestUri, cancellationToken);
        if (!lease.IsAcquired)
            return new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests) { RequestMessage = request };
        return await base.SendAsync(request, cancellationToken);
    }
}

/// <summary>A sliding window of <see cref="PermitsPerSecond"/> sends per second for each conversation.</summary>
public sealed class ConversationRateLimiter : IDisposable
{
    public const int PermitsPerSecond = 7;

    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(conversation =>
        RateLimitPartition.GetSlidingWindowLimiter(conversation, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = PermitsPerSecond,
            Window = TimeSpan.FromSeconds(1),
            SegmentsPerWindow = 4,
            QueueLimit = 1000,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        }));

    public ValueTask<RateLimitLease> AcquireAsync(Uri? uri, CancellationToken ct) => limiter.AcquireAsync(ConversationOf(uri), 1, ct);

    /// <summary>Teams' Bot Connector hosts (public and government clouds).</summary>
    public static bool IsTeams(Uri? uri) =>
        uri is not null && (uri.Host.StartsWith("smba.", StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith(".teams.microsoft.com", StringComparison.OrdinalIgnoreCase)
            || uri.Host.EndsWith(".teams.microsoft.us", StringComparison.OrdinalIgnoreCase));

    /// <summary>The conversation a Connector URL addresses (host plus the segment after <c>v3/conversations/</c>), or the host.</summary>
    public static string ConversationOf(Uri? uri)
    {
        if (uri is null) return "";
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.IndexOf(segments, "conversations");
        return at >= 0 && at + 1 < segments.Length ? uri.Host + "/" + segments[at + 1] : uri.Host;
    }

    public void Dispose() => limiter.Dispose();
}
