using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServiceRecoveryBot.Dialogs;

namespace ServiceRecoveryBot.Channels.Cards;

public static class CardServiceCollectionExtensions
{
    /// <summary>Prompts with choices render as Adaptive Cards on channels that show them, text elsewhere.</summary>
    public static IServiceCollection AddAdaptiveCards(this IServiceCollection services)
    {
        services.TryAddSingleton<TextPromptRenderer>();
        services.AddSingleton<IPromptRenderer, AdaptiveCardPromptRenderer>();
        services.TryAddSingleton<Conversations.Recovery.TextQuickCaptureRenderer>();
        services.AddSingleton<Conversations.Recovery.IQuickCaptureRenderer, QuickCaptureCard>();
        return services;
    }
}
