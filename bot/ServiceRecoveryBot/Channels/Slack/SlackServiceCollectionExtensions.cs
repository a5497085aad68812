using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ServiceRecoveryBot.Channels.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>Longest Retry-After the pipeline waits out; a longer one comes back at once as Throttled, for the caller to retry later.</summary>
    public static readonly TimeSpan MaxRetryAfter = OutboundResilience.MaxDelay;

    /// <summary>
    /// The Slack Web API client: <see cref="SlackOptions"/> from section "Slack", and <see cref="SlackWebClient"/> as a
    /// typed HttpClient whose pipeline allows 30 s in all and 10 s an attempt, and retries up to 3 times on connection
    /// errors, 429 (Slack's <c>ratelimited</c>, waiting its Retry-After) and 500/502/503/504, with jittered exponential backoff.
    /// Posts are paced per channel (<see cref="SlackChannelPacer"/>).
    /// </summary>
    public static IServiceCollection AddSlackWebClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<SlackOptions>()
            .BindConfiguration(SlackOptions.Section)
            .Validate(o => o.ApiBaseUrl is { IsAbsoluteUri: true, Scheme: "https" or "http" }, "Slack:ApiBaseUrl must be an absolute http(s) URL.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SlackChannelPacer>();
        services.AddHttpClient<SlackWebClient>().AddOutboundResilience("slack", answer =>
            answer.StatusCode == HttpStatusCode.TooManyRequests && WaitsAtMost(answer, MaxRetryAfter)
            || answer.StatusCode == HttpStatusCode.InternalServerError || OutboundResilience.IsGatewayTrouble(answer.StatusCode));
        return services;
    }

    /// <summary>Slack gives Retry-After in seconds; without one the backoff decides.</summary>
    private static bool WaitsAtMost(HttpResponseMessage response, TimeSpan limit) =>
        response.Headers.RetryAfter?.Delta is not { } wait || wait <= limit;
}
