using System.Collections.Concurrent;
using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Testing;

/// <summary>A fake case store with the same rules as the table store: unique ids per team (held by reservations), saves never go backwards.</summary>
public sealed class InMemoryCaseStore : ICaseStore
{
    private readonly ConcurrentDictionary<(string Team, string Id), RecoveryCase> cases = new();
    private readonly ConcurrentDictionary<(string Team, string Id), bool> reservations = new();

    public IReadOnlyCollection<RecoveryCase> All => cases.Values.ToList();

    /// <summary>How many of the next saves fail as an unavailable storage service would (after the client's retries).</summary>
    public int SavesToFail { get; set; }

    /// <summary>Saves wait for this task before they store anything (to hold a save in flight).</summary>
    public Task SavesWaitFor { get; set; } = Task.CompletedTask;

    /// <summary>Raised by each save that fails because of <see cref="SavesToFail"/>.</summary>
    public event Action? SaveFailed;

    /// <summary>Raised after each save that was stored, with the version saved.</summary>
    public event Action<RecoveryCase>? Saved;

    /// <summary>Raised after each reservation that was made, with the team and id.</summary>
    public event Action<string, CaseId>? Reserved;

    public Task<bool> TryReserveAsync(string teamKey, CaseId id, CancellationToken ct)
    {
        var reserved = !cases.ContainsKey((teamKey, id.Value)) && reservations.TryAdd((teamKey, id.Value), true);
        if (reserved) Reserved?.Invoke(teamKey, id);
        return Task.FromResult(reserved);
    }

    public Task<bool> TryCreateAsync(RecoveryCase recoveryCase, CancellationToken ct) =>
        Task.FromResult(cases.TryAdd((recoveryCase.TeamKey, recoveryCase.Id.Value), recoveryCase));

    public async Task SaveAsync(RecoveryCase recoveryCase, CancellationToken ct)
    {
        await SavesWaitFor.WaitAsync(ct);
        if (SavesToFail > 0)
        {
            SavesToFail--;
            SaveFailed?.Invoke();
            throw new InvalidOperationException("Storage is unavailable (simulated).");
        }
        RecoveryCase? written = recoveryCase;
        cases.AddOrUpdate((recoveryCase.TeamKey, recoveryCase.Id.Value), recoveryCase, (_, current) =>
        {
            if (!current.IsSameCaseAs(recoveryCase)) throw new CaseIdTakenException(recoveryCase.Id);
            var merged = recoveryCase.ReconciledWith(current);
            written = merged.Revision > current.Revision ? merged : null;
            return written ?? current;
        });
        if (written is not null) Saved?.Invoke(written);
    }

    public Task<RecoveryCase?> FindAsync(string teamKey, CaseId id, CancellationToken ct) =>
        Task.FromResult(cases.GetValueOrDefault((teamKey, id.Value)));

    public Task<IReadOnlyList<CaseSummary>> ListAsync(string teamKey, int max, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<CaseSummary>>(cases.Values.Where(c => c.TeamKey == teamKey)
            .OrderByDescending(c => c.OpenedAt).ThenBy(c => c.Id.Value, StringComparer.Ordinal).Take(max)
            .Select(CaseSummary.Of).ToList());

    public Task<IReadOnlyList<CaseEvent>> TimelineAsync(string teamKey, CaseId id, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<CaseEvent>>(cases.TryGetValue((teamKey, id.Value), out var c) ? c.Timeline : []);
}
