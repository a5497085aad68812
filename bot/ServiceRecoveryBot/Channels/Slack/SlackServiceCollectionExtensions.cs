using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace ServiceRecoveryBot.Channels.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>Longest Retry-After the pipeline waits out; a longer one comes back at once as Throttled, for the caller to retry later.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The Slack Web API client: <see cref="SlackOptions"/> from section "Slack", and <see cref="SlackWebClient"/> as a
    /// typed HttpClient whose pipeline allows 30 s in all and 10 s an attempt, and retries up to 3 times on connection
    /// errors, 429 (Slack's <c>ratelimited</c>, waiting its Retry-After) and 500/502/503/504, with jittered exponential backoff.
    /// </summary>
    public static IServiceCollection AddSlackWebClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<SlackOptions>()
            .BindConfiguration(SlackOptions.Section)
            .Validate(o => o.ApiBaseUrl is { IsAbsoluteUri: true, Scheme: "https" or "http" }, "Slack:ApiBaseUrl must be an absolute http(s) URL.")
            .ValidateOnStart();
        services.AddHttpClient<SlackWebClient>()
            .AddResilienceHandler("slack", pipeline =>
            {
                pipeline.AddTimeout(TimeSpan.FromSeconds(30));
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 3,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromSeconds(1),
                    MaxDelay = MaxRetryAfter,
                    ShouldRetryAfterHeader = true,
                    ShouldHandle = args => ValueTask.FromResult(
                        args.Outcome.Exception is HttpRequestException
                        || args.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } throttled && WaitsAtMost(throttled, MaxRetryAfter)
                        || args.Outcome.Result?.StatusCode is HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
                            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout),
                });
                pipeline.AddTimeout(TimeSpan.FromSeconds(10));
            });
        return services;
    }

    /// <summary>Slack gives Retry-After in seconds; without one the backoff decides.</summary>
    private static bool WaitsAtMost(HttpResponseMessage response, TimeSpan limit) =>
        response.Headers.RetryAfter?.Delta is not { } wait || wait <= limit;
}
