using Microsoft.Extensions.DependencyInjection.Extensions;
using ServiceRecoveryBot.Guidance;

namespace ServiceRecoveryBot.Understanding;

public static class UnderstandingServiceCollectionExtensions
{
    /// <summary>The understanding seam (<see cref="IUnderstanding"/>), over the playbook, guidance and the tone-flag lexicon.</summary>
    public static IServiceCollection AddUnderstanding(this IServiceCollection services)
    {
        services.AddGuidance();
        services.TryAddSingleton<Sentiment.ToneFlagDetector>();
        services.TryAddSingleton<Understander>();
        services.TryAddSingleton<IUnderstanding>(sp => sp.GetRequiredService<Understander>());
        return services;
    }
}
