using Microsoft.Extensions.Options;

namespace ServiceRecoveryBot.Insights;

/// <summary>
/// Puts back figures a crash left out: re-applies the shares of the team's cases saved since the last mark (less an
/// overlap), which changes nothing for cases already counted. Run by <see cref="AggregateReconcileWorker"/>; a rebuild
/// re-applies every case and then re-sums each day's keyed rows from the stored shares.
/// </summary>
public sealed class AggregateReconciler(IAggregateStore store, ICaseArchive archive, AggregateWriter writer, TimeProvider clock, IOptions<InsightsOptions> options)
{
    /// <summary>Cases held at once during a rebuild, applied day by day (a day's shares share one read).</summary>
    private const int RebuildBatch = 10_000;

    public async Task<int> ReconcileAsync(string teamKey, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var since = (await store.ReconciledUntilAsync(teamKey, ct) ?? now - options.Value.ReconcileLookBack) - options.Value.ReconcileOverlap;
        var recent = new List<Recovery.Cases.RecoveryCase>();
        await foreach (var c in archive.CasesAsync(teamKey, null, null, since, ct)) recent.Add(c);
        var applied = await writer.ApplyAsync(recent, ct);
        await store.SetReconciledUntilAsync(teamKey, now, ct);
        return applied;
    }

    /// <summary>Recomputes the team's figures from its cases: every share re-applied, every day's keyed rows checked. Gives the cases read and the days repaired.</summary>
    public async Task<(int Cases, int DaysRepaired)> RebuildAsync(string teamKey, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var batch = new List<Recovery.Cases.RecoveryCase>();
        var days = new HashSet<DateOnly>();
        var count = 0;
        await foreach (var c in archive.CasesAsync(teamKey, null, null, null, ct))
        {
            batch.Add(c);
            days.Add(writer.ShareOf(c).Day);
            if (batch.Count < RebuildBatch) continue;
            count += await writer.ApplyAsync(batch, ct);
            batch.Clear();
        }
        count += await writer.ApplyAsync(batch, ct);
        var repaired = 0;
        foreach (var day in days)
            if (await store.RepairAsync(teamKey, day, ct)) repaired++;
        await store.SetReconciledUntilAsync(teamKey, now, ct);
        return (count, repaired);
    }
}
