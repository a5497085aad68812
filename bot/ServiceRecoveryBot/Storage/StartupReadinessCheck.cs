using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ServiceRecoveryBot.Storage;

/// <summary>Ready once the tables exist (the initializer finished), so traffic is not sent to an instance still starting.</summary>
public sealed class StartupReadinessCheck(TableStorageInitializer initializer) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(initializer.Completed ? HealthCheckResult.Healthy("Tables are ready.") : HealthCheckResult.Unhealthy("Still creating tables."));
}
