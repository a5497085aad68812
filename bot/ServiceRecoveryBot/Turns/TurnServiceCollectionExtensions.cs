using Microsoft.Extensions.DependencyInjection;
using ServiceRecoveryBot.Turns.Effects;

namespace ServiceRecoveryBot.Turns;

public static class TurnServiceCollectionExtensions
{
    /// <summary>The turn runtime: the processor, the committed effects, their runner and the outbox that replays them.</summary>
    public static IServiceCollection AddTurns(this IServiceCollection services)
    {
        services.AddOptions<EffectsOptions>().BindConfiguration(EffectsOptions.Section)
            .Validate(o => o.ReplayAfter >= TimeSpan.Zero && o.SweepEvery > TimeSpan.Zero && o.ClearAfter > TimeSpan.Zero,
                "Effects: ReplayAfter must not be negative; SweepEvery and ClearAfter must be positive.")
            .ValidateOnStart();
        services.AddSingleton<CommittedEffects>();
        services.AddSingleton<EffectRunner>();
        services.AddSingleton<EffectsOutbox>();
        services.AddHostedService(provider => provider.GetRequiredService<EffectsOutbox>());
        services.AddSingleton<TurnProcessor>();
        return services;
    }
}
