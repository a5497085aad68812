using ServiceRecoveryBot.Conversations.Managers;
using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Conversations.Home;

/// <summary>
/// The one "what's open for me" query behind the Slack Home tab and the Teams personal card. It reads the same team's
/// case list that <c>my cases</c> reads and authorises as chat does: staff see their own cases, a manager also the team's.
/// </summary>
public sealed class HomeQuery(ICaseStore cases, ITeamDirectory teams, TimeProvider clock)
{
    /// <summary>The team's newest cases the home looks through (as <c>my cases</c> does).</summary>
    public const int Scanned = 200;

    /// <summary>At most this many lines in each list.</summary>
    public const int MaxLines = 10;

    public async Task<HomeView> ForAsync(string teamKey, string userId, string? aadObjectId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var isManager = await teams.IsManagerAsync(teamKey, [userId, aadObjectId ?? ""], ct);
        var open = (await cases.ListAsync(teamKey, Scanned, ct)).Where(c => c.Status is not (CaseStatus.Closed or CaseStatus.Discarded)).ToList();
        var mine = open.Where(c => c.StaffId == userId).Take(MaxLines).ToList();
        var next = mine
            .SelectMany(c => new[] { c.Status == CaseStatus.AwaitingFollowUp && c.FollowUpAt is { } f ? new HomeDue(c, f, false) : null, c.PromiseDueAt is { } p ? new HomeDue(c, p, true) : null })
            .OfType<HomeDue>()
            .OrderBy(d => d.DueAt)
            .FirstOrDefault();
        IReadOnlyList<CaseSummary> pending = isManager ? [.. open.Where(c => c.AwaitingApproval).Take(MaxLines)] : [];
        IReadOnlyList<CaseSummary> overdue = isManager
            ? [.. open.Where(c => c.Status == CaseStatus.AwaitingFollowUp && c.FollowUpAt is { } f && f < now).OrderBy(c => c.FollowUpAt).Take(MaxLines)]
            : [];
        return new HomeView(teamKey, userId, isManager, mine, next, pending, overdue, now);
    }
}
