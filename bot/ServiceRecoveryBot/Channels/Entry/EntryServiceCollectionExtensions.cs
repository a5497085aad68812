using Microsoft.Extensions.DependencyInjection;
using ServiceRecoveryBot.Conversations.Entry;
using ServiceRecoveryBot.Channels.Slack.Home;
using ServiceRecoveryBot.Conversations.Home;
using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Channels.Entry;

public static class EntryServiceCollectionExtensions
{
    /// <summary>
    /// The entry points beside the DM: a case from someone's message (Teams' message action, Slack's message shortcut)
    /// and each person's home (Slack's Home tab, Teams' personal card), over the one <see cref="HomeQuery"/>.
    /// </summary>
    public static IServiceCollection AddEntryPoints(this IServiceCollection services)
    {
        services.AddSingleton<MessageSuggester>();
        services.AddSingleton<CaseFromMessage>();
        services.AddSingleton<IHomeCards, Cards.HomeCards>();
        services.AddSingleton<Teams.MessageActions.MessageActionHandler>();
        services.AddSingleton<Slack.Shortcuts.SlackShortcuts>();
        services.AddSingleton<SlackHomeRefreshes>();
        services.AddSingleton<SlackHome>();
        services.AddHostedService(provider => provider.GetRequiredService<SlackHome>());
        // Every case save tells the pushable homes: wraps the store registered before (AddTableStorage), when there is one.
        if (services.LastOrDefault(d => d.ServiceType == typeof(ICaseStore)) is not { } store) return services;
        services.Remove(store);
        services.AddSingleton<ICaseStore>(provider => new HomeRefreshingCaseStore(
            (ICaseStore)(store.ImplementationInstance ?? store.ImplementationFactory?.Invoke(provider) ?? ActivatorUtilities.CreateInstance(provider, store.ImplementationType!)),
            provider.GetRequiredService<SlackHomeRefreshes>()));
        return services;
    }
}
