using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServiceRecoveryBot.Recovery.Playbooks;

namespace ServiceRecoveryBot.Guidance;

public static class GuidanceServiceCollectionExtensions
{
    /// <summary>Guidance: playbooks on request, the recovery models and the knowledge base, as one singleton <see cref="GuidanceService"/>.</summary>
    public static IServiceCollection AddGuidance(this IServiceCollection services)
    {
        services.TryAddSingleton(_ => RecoveryPlaybook.LoadDefault());
        services.TryAddSingleton<GuidanceService>();
        return services;
    }
}
