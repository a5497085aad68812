using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Insights;

/// <summary>
/// The case store with the figures kept up to date: after each stored case its share is applied (idempotent, so
/// applying it again after a crash or on the next save counts it once). Everything else goes straight through.
/// </summary>
public sealed class AggregatingCaseStore(ICaseStore inner, AggregateWriter figures) : ICaseStore
{
    public Task<bool> TryReserveAsync(string teamKey, CaseId id, CancellationToken ct) => inner.TryReserveAsync(teamKey, id, ct);

    public async Task<bool> TryCreateAsync(RecoveryCase recoveryCase, CancellationToken ct)
    {
        if (!await inner.TryCreateAsync(recoveryCase, ct)) return false;
        await figures.TryApplyAsync(recoveryCase, ct);
        return true;
    }

    public async Task SaveAsync(RecoveryCase recoveryCase, CancellationToken ct)
    {
        await inner.SaveAsync(recoveryCase, ct);
        await figures.TryApplyAsync(recoveryCase, ct);
    }

    public Task<RecoveryCase?> FindAsync(string teamKey, CaseId id, CancellationToken ct) => inner.FindAsync(teamKey, id, ct);

    public Task<IReadOnlyList<CaseSummary>> ListAsync(string teamKey, int max, CancellationToken ct) => inner.ListAsync(teamKey, max, ct);

    public Task<IReadOnlyList<CaseEvent>> TimelineAsync(string teamKey, CaseId id, CancellationToken ct) => inner.TimelineAsync(teamKey, id, ct);
}
