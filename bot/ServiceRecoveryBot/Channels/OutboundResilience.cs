using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace ServiceRecoveryBot.Channels;

/// <summary>
/// The pipeline every outbound channel client runs its sends through: 30 s in all, 10 s an attempt, up to 3 retries
/// with jittered exponential backoff (1 s, at most 20 s) that waits out Retry-After, on connection errors and on the
/// answers the channel says are worth another try.
/// </summary>
internal static class OutboundResilience
{
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(20);

    public static IHttpClientBuilder AddOutboundResilience(this IHttpClientBuilder client, string name, Func<HttpResponseMessage, bool> retryable)
    {
        client.AddResilienceHandler(name, pipeline =>
        {
            pipeline.AddTimeout(TimeSpan.FromSeconds(30));
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 3,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromSeconds(1),
                MaxDelay = MaxDelay,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is HttpRequestException || args.Outcome.Result is { } answer && retryable(answer)),
            });
            pipeline.AddTimeout(TimeSpan.FromSeconds(10));
        });
        return client;
    }

    /// <summary>Gateway trouble: 502, 503, 504.</summary>
    public static bool IsGatewayTrouble(HttpStatusCode status) =>
        status is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
}
