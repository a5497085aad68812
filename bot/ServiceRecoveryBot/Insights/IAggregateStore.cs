namespace ServiceRecoveryBot.Insights;

/// <summary>
/// The teams' figures per day and key, kept as cases change. Applying a share is idempotent and atomic per day: the
/// case's previous share is taken back and the new one added in one transaction, so a case is never counted twice.
/// </summary>
public interface IAggregateStore
{
    /// <summary>Brings the figures of one team and day up to date with these shares (all of that team and day); older revisions are ignored.</summary>
    Task ApplyAsync(string teamKey, DateOnly day, IReadOnlyList<CaseShare> shares, CancellationToken ct);

    /// <summary>The figures under <paramref name="key"/> (<see cref="CaseShare.TeamWide"/>, a staff key…) for each day from..to: one read per day.</summary>
    Task<AggregateRead> ReadAsync(string teamKey, string key, DateOnly from, DateOnly to, CancellationToken ct);

    /// <summary>Recomputes a day's keyed figures from the cases' stored shares (after a rebuild, or to check them); true when something was wrong.</summary>
    Task<bool> RepairAsync(string teamKey, DateOnly day, CancellationToken ct);

    /// <summary>Up to when the team's case saves are known to be in the figures (see <see cref="AggregateReconciler"/>).</summary>
    Task<DateTimeOffset?> ReconciledUntilAsync(string teamKey, CancellationToken ct);

    Task SetReconciledUntilAsync(string teamKey, DateTimeOffset until, CancellationToken ct);
}

/// <summary>Figures per day (days with nothing are absent) and how many stored entities were read to get them.</summary>
public sealed record AggregateRead(IReadOnlyList<DayFigures> Days, int EntitiesRead, int Requests);

public sealed record DayFigures(DateOnly Day, Tally Figures);
