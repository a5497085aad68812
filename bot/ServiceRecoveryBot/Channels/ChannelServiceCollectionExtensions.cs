using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServiceRecoveryBot.Channels.Entry;
using ServiceRecoveryBot.Channels.Local;
using ServiceRecoveryBot.Channels.Slack;
using ServiceRecoveryBot.Conversations;
using ServiceRecoveryBot.Turns.References;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Channels;

public static class ChannelServiceCollectionExtensions
{
    /// <summary>
    /// Outbound: the Bot Connector client (at most 7 sends a second per conversation, 10 s per attempt, retries on
    /// 412/429/502/503/504 honouring Retry-After, 30 s in all), Slack's Web API (<see cref="SlackWebClient"/>) and the
    /// local in-process channel. Inbound: the authenticator seam (local-only until an app id is set) and the Slack turns.
    /// </summary>
    public static IServiceCollection AddBotChannels(this IServiceCollection services)
    {
        services.AddSingleton<LocalChannel>();
        services.AddOptions<BotFramework.MessagesOptions>().BindConfiguration(BotFramework.MessagesOptions.Section)
            .Validate(o => o.AckBudget > TimeSpan.Zero && o.AckBudget <= TimeSpan.FromMinutes(5), "Messages:AckBudget must be more than 0 and at most 5 minutes.")
            .ValidateOnStart();
        services.TryAddSingleton<IConnectorCredentials, AnonymousConnectorCredentials>();
        services.TryAddSingleton<IActivityAuthenticator, LocalOnlyAuthenticator>();
        services.AddSingleton<ConversationRateLimiter>();
        services.AddTransient<ConversationRateLimitHandler>();
        var connector = services.AddHttpClient<ConnectorClient>();
        // Outside the retries: a send that runs out of its 30 s fails as a send, not as an exception out of the turn.
        connector.AddHttpMessageHandler(() => new OutOfTimeHandler());
        connector.AddOutboundResilience("connector", answer =>
            answer.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.TooManyRequests || OutboundResilience.IsGatewayTrouble(answer.StatusCode));
        // Inside the retries, so a retried send also waits for its conversation's slot.
        connector.AddHttpMessageHandler<ConversationRateLimitHandler>();
        services.AddSlackWebClient();
        services.AddSingleton<SlackTurns>();
        services.AddSingleton<IChannelClient>(provider => new ChannelRouter(
            provider.GetRequiredService<LocalChannel>(), provider.GetRequiredService<ConnectorClient>(), provider.GetRequiredService<SlackWebClient>()));
        services.AddSingleton<IProactiveMessenger, ProactiveMessenger>();
        services.AddSingleton<IChannelCapabilities, ChannelFacts>();
        services.AddEntryPoints();
        return services;
    }
}
