using Microsoft.Extensions.DependencyInjection.Extensions;
using ServiceRecoveryBot.Guidance;

namespace ServiceRecoveryBot.Understanding;

public static class UnderstandingServiceCollectionExtensions
{
    /// <summary>
    /// The understanding seam (<see cref="IUnderstanding"/>) over the playbook, guidance and the tone-flag lexicon, and
    /// the sentence model (<c>Understanding:Model</c>), loaded in the background by <see cref="SemanticWarmup"/>.
    /// </summary>
    public static IServiceCollection AddUnderstanding(this IServiceCollection services)
    {
        services.AddGuidance();
        services.AddOptions<UnderstandingOptions>().BindConfiguration(UnderstandingOptions.Section).ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Sentiment.ToneFlagDetector>();
        services.TryAddSingleton<SentenceModel>();
        services.TryAddSingleton(_ => ExampleSets.LoadDefault());
        services.TryAddSingleton<SemanticMatcher>();
        services.TryAddSingleton(sp => new Understander(
            sp.GetRequiredService<Recovery.Playbooks.RecoveryPlaybook>(), sp.GetRequiredService<GuidanceService>(),
            sp.GetRequiredService<Sentiment.ToneFlagDetector>(), sp.GetRequiredService<SemanticMatcher>()));
        services.TryAddSingleton<IUnderstanding>(sp => sp.GetRequiredService<Understander>());
        services.AddHostedService<SemanticWarmup>();
        return services;
    }
}
