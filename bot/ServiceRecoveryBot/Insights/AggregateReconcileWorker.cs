using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceRecoveryBot.Conversations.Managers;

namespace ServiceRecoveryBot.Insights;

/// <summary>
/// Every <see cref="InsightsOptions.ReconcileEvery"/>, reconciles the figures of each team with a managers' channel, so
/// a case whose figures a crash left out is counted even if it is never saved again.
/// </summary>
public sealed partial class AggregateReconcileWorker(
    AggregateReconciler reconciler, ITeamDirectory teams, TimeProvider clock, IOptions<InsightsOptions> options, ILogger<AggregateReconcileWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReconcileEvery, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await ReconcileTeamsAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                PassFailed(logger, ex);
            }
        }
    }

    /// <summary>One pass over the teams with a channel; gives how many cases' shares were re-applied.</summary>
    public async Task<int> ReconcileTeamsAsync(CancellationToken ct)
    {
        var applied = 0;
        foreach (var team in await teams.TeamsWithChannelsAsync(ct)) applied += await reconciler.ReconcileAsync(team, ct);
        return applied;
    }

    [LoggerMessage(EventId = 2702, Level = LogLevel.Warning, Message = "Reconcile pass over the teams' figures failed; the next one retries")]
    private static partial void PassFailed(ILogger logger, Exception ex);
}
