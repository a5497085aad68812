using ServiceRecoveryBot.Insights;

namespace ServiceRecoveryBot.Testing;

/// <summary>A fake of the aggregate store with the table store's rules: a share replaces the case's older one under one lock, older revisions are ignored.</summary>
public sealed class InMemoryAggregateStore : IAggregateStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Team, DateOnly Day), Day> days = [];
    private readonly Dictionary<string, DateTimeOffset> marks = new(StringComparer.Ordinal);

    public Task ApplyAsync(string teamKey, DateOnly day, IReadOnlyList<CaseShare> shares, CancellationToken ct)
    {
        lock (gate)
        {
            if (!days.TryGetValue((teamKey, day), out var d)) days[(teamKey, day)] = d = new Day();
            foreach (var share in shares)
            {
                if (d.Shares.TryGetValue(share.CaseId.Value, out var old) && (old.Revision > share.Revision || old.Revision == share.Revision && old.Keys.SequenceEqual(share.Keys) && old.Figures.SameAs(share.Figures))) continue;
                if (old is not null) foreach (var key in old.Keys) Keyed(d, key).Add(CaseShare.Under(key, old.Figures), -1);
                foreach (var key in share.Keys) Keyed(d, key).Add(CaseShare.Under(key, share.Figures));
                d.Shares[share.CaseId.Value] = share;
            }
        }
        return Task.CompletedTask;
    }

    public Task<AggregateRead> ReadAsync(string teamKey, string key, DateOnly from, DateOnly to, CancellationToken ct)
    {
        lock (gate)
        {
            var found = new List<DayFigures>();
            var requests = 0;
            for (var day = from; day <= to; day = day.AddDays(1), requests++)
                if (days.TryGetValue((teamKey, day), out var d) && d.Keyed.TryGetValue(key, out var t) && !t.IsEmpty) found.Add(new DayFigures(day, t.Copy()));
            return Task.FromResult(new AggregateRead(found, found.Count, requests));
        }
    }

    public Task<bool> RepairAsync(string teamKey, DateOnly day, CancellationToken ct) => Task.FromResult(false);

    public Task<DateTimeOffset?> ReconciledUntilAsync(string teamKey, CancellationToken ct)
    {
        lock (gate) return Task.FromResult<DateTimeOffset?>(marks.TryGetValue(teamKey, out var at) ? at : null);
    }

    public Task SetReconciledUntilAsync(string teamKey, DateTimeOffset until, CancellationToken ct)
    {
        lock (gate) marks[teamKey] = until;
        return Task.CompletedTask;
    }

    private static Tally Keyed(Day d, string key)
    {
        if (!d.Keyed.TryGetValue(key, out var t)) d.Keyed[key] = t = new Tally();
        return t;
    }

    private sealed class Day
    {
        public Dictionary<string, CaseShare> Shares { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, Tally> Keyed { get; } = new(StringComparer.Ordinal);
    }
}
