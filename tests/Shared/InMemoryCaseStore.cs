using System.Collections.Concurrent;
using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Testing;

/// <summary>A fake case store with the same rules as the table store: unique ids per team, saves never go backwards.</summary>
public sealed class InMemoryCaseStore : ICaseStore
{
    private readonly ConcurrentDictionary<(string Team, string Id), RecoveryCase> cases = new();

    public IReadOnlyCollection<RecoveryCase> All => cases.Values.ToList();

    public Task<bool> TryCreateAsync(RecoveryCase recoveryCase, CancellationToken ct) =>
        Task.FromResult(cases.TryAdd((recoveryCase.TeamKey, recoveryCase.Id.Value), recoveryCase));

    public Task SaveAsync(RecoveryCase recoveryCase, CancellationToken ct)
    {
        cases.AddOrUpdate((recoveryCase.TeamKey, recoveryCase.Id.Value), recoveryCase,
            (_, stored) => stored.Revision >= recoveryCase.Revision ? stored : recoveryCase);
        return Task.CompletedTask;
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
