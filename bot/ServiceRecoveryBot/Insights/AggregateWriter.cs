using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceRecoveryBot.Conversations;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Recovery.Compensation;

namespace ServiceRecoveryBot.Insights;

/// <summary>
/// Turns cases into their shares of the figures and applies them, one team and day at a time. A failure after the case
/// itself was saved is logged, not thrown: the case is safe, and the next save or the reconcile pass puts it right.
/// </summary>
public sealed partial class AggregateWriter(IAggregateStore store, IOptions<RecoveryOptions> recovery, IOptions<AuthorityOptions> authority, ILogger<AggregateWriter> logger)
{
    public CaseShare ShareOf(RecoveryCase c) => CaseShare.Of(c, recovery.Value.Zone, authority.Value.CurrencySymbol);

    public async Task<int> ApplyAsync(IEnumerable<RecoveryCase> cases, CancellationToken ct)
    {
        var applied = 0;
        foreach (var group in cases.Select(ShareOf).GroupBy(s => (s.TeamKey, s.Day)))
        {
            var shares = group.ToList();
            await store.ApplyAsync(group.Key.TeamKey, group.Key.Day, shares, ct);
            applied += shares.Count;
        }
        return applied;
    }

    public async Task TryApplyAsync(RecoveryCase c, CancellationToken ct)
    {
        try
        {
            await ApplyAsync([c], ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            FiguresNotUpdated(logger, ex, c.Id.Value);
        }
    }

    [LoggerMessage(EventId = 2701, Level = LogLevel.Warning, Message = "Figures of case {CaseId} not updated; the reconcile pass will")]
    private static partial void FiguresNotUpdated(ILogger logger, Exception ex, string caseId);
}
