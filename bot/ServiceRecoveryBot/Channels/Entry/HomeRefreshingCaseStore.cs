using ServiceRecoveryBot.Channels.Slack.Home;
using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Channels.Entry;

/// <summary>
/// The case store, telling the homes that can be pushed (Slack's Home tab) that a case changed once its save is done;
/// Teams' personal card refreshes itself when shown, so it needs no telling.
/// </summary>
public sealed class HomeRefreshingCaseStore(ICaseStore inner, SlackHomeRefreshes slackHome) : ICaseStore
{
    public Task<bool> TryReserveAsync(string teamKey, CaseId id, CancellationToken ct) => inner.TryReserveAsync(teamKey, id, ct);

    public async Task<bool> TryCreateAsync(RecoveryCase recoveryCase, CancellationToken ct)
    {
        var created = await inner.TryCreateAsync(recoveryCase, ct);
        if (created) slackHome.CaseChanged(recoveryCase.TeamKey, recoveryCase.StaffId);
        return created;
    }

    public async Task SaveAsync(RecoveryCase recoveryCase, CancellationToken ct)
    {
        await inner.SaveAsync(recoveryCase, ct);
        slackHome.CaseChanged(recoveryCase.TeamKey, recoveryCase.StaffId);
    }

    public Task<RecoveryCase?> FindAsync(string teamKey, CaseId id, CancellationToken ct) => inner.FindAsync(teamKey, id, ct);

    public Task<IReadOnlyList<CaseSummary>> ListAsync(string teamKey, int max, CancellationToken ct) => inner.ListAsync(teamKey, max, ct);

    public Task<IReadOnlyList<CaseEvent>> TimelineAsync(string teamKey, CaseId id, CancellationToken ct) => inner.TimelineAsync(teamKey, id, ct);
}
