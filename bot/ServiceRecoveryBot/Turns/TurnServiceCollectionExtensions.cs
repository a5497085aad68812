using Microsoft.Extensions.DependencyInjection;
using ServiceRecoveryBot.Turns.Effects;

namespace ServiceRecoveryBot.Turns;

public static class TurnServiceCollectionExtensions
{
    /// <summary>The turn runtime: the processor and the outbox that runs, retries, replays and sweeps what turns commit.</summary>
    public static IServiceCollection AddTurns(this IServiceCollection services)
    {
        services.AddOptions<EffectsOptions>().BindConfiguration(EffectsOptions.Section)
            .Validate(o => o.ReplayAfter >= TimeSpan.Zero && o.SweepEvery > TimeSpan.Zero && o.ClearAfter > TimeSpan.Zero,
                "Effects: ReplayAfter must not be negative; SweepEvery and ClearAfter must be positive.")
            .ValidateOnStart();
        services.AddSingleton<Outbox>();
        services.AddHostedService(provider => provider.GetRequiredService<Outbox>());
        services.AddSingleton<TurnProcessor>();
        return services;
    }
}
