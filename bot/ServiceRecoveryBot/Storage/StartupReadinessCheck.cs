using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ServiceRecoveryBot.Storage;

/// <summary>
/// Ready once the tables exist: the initializer finished, and every table is still there (storage that came back empty
/// is not ready; the check has the tables created again, so readiness returns within seconds).
/// </summary>
public sealed class StartupReadinessCheck(TableStorageInitializer initializer, TableServiceClient service, TableNames names, TableRecreation recreation) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!initializer.Completed) return HealthCheckResult.Unhealthy("Still creating tables.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            var wanted = names.All.ToHashSet(StringComparer.Ordinal);
            var filter = string.Join(" or ", wanted.Select(name => TableClient.CreateQueryFilter($"TableName eq {name}")));
            await foreach (var table in service.QueryAsync(filter, cancellationToken: timeout.Token)) wanted.Remove(table.Name);
            if (wanted.Count == 0) return HealthCheckResult.Healthy("Tables are ready.");
            _ = recreation.RecreateAsync(CancellationToken.None);
            return HealthCheckResult.Unhealthy($"{wanted.Count} of the bot's tables are missing; creating them again.");
        }
        catch (Exception ex) when (ex is RequestFailedException or OperationCanceledException or HttpRequestException or AggregateException)
        {
            return HealthCheckResult.Unhealthy("Table Storage did not answer: " + ex.GetType().Name);
        }
    }
}
