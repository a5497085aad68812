using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ServiceRecoveryBot.Conversations.Home;
using ServiceRecoveryBot.Conversations.Managers;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Testing;

namespace ServiceRecoveryBot.Tests.Conversations.Home;

/// <summary>What the home lists, and for whom: own open cases and the next thing due; a manager also the team's approvals and overdue follow-ups.</summary>
public sealed class HomeQueryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 19, 30, 0, TimeSpan.Zero);
    private readonly InMemoryCaseStore cases = new();
    private readonly HomeQuery homes;

    public HomeQueryTests()
    {
        var managers = Options.Create(new ManagerOptions { Teams = [new TeamManagers { TeamKey = "t1", UserIds = ["boss"] }] });
        homes = new HomeQuery(cases, new InMemoryTeamDirectory(managers), new FakeTimeProvider(Now));
    }

    private async Task<RecoveryCase> AddAsync(string team, string staff, string what, Func<RecoveryCase, RecoveryCase>? shape = null)
    {
        var c = RecoveryCase.Open(CaseId.New(), team, staff, staff, what, Now.AddHours(-1));
        c = shape?.Invoke(c) ?? c;
        Assert.True(await cases.TryCreateAsync(c, CancellationToken.None));
        return c;
    }

    [Fact]
    public async Task Staff_see_their_own_open_cases_only_and_the_soonest_promise_or_follow_up()
    {
        var mine = await AddAsync("t1", "ana", "cold soup", c => c with { Promise = new Promise("call back", Now.AddHours(3)) });
        var soon = await AddAsync("t1", "ana", "late taxi", c => c with { Status = CaseStatus.AwaitingFollowUp, FollowUpAt = Now.AddHours(1) });
        await AddAsync("t1", "ana", "closed one", c => c with { Status = CaseStatus.Closed });
        await AddAsync("t1", "ana", "discarded one", c => c with { Status = CaseStatus.Discarded });
        var others = await AddAsync("t1", "ben", "not ana's", c => c with { Atonement = new Atonement("free night", 4, 100m, ApprovalState.Pending) });
        var elsewhere = await AddAsync("t2", "ana", "another team's");

        var view = await homes.ForAsync("t1", "ana", null, CancellationToken.None);

        Assert.False(view.IsManager);
        Assert.Equal(new[] { mine.Id.Value, soon.Id.Value }.Order(), view.Mine.Select(c => c.Id.Value).Order());
        Assert.Equal((soon.Id, Now.AddHours(1), false), (view.Next!.Case.Id, view.Next.DueAt, view.Next.IsPromise));
        Assert.Empty(view.PendingApprovals);
        Assert.Empty(view.OverdueFollowUps);
        Assert.DoesNotContain(view.Mine, c => c.Id == others.Id || c.Id == elsewhere.Id);
    }

    [Fact]
    public async Task A_manager_also_sees_the_teams_pending_approvals_and_overdue_follow_ups_never_another_teams()
    {
        var pending = await AddAsync("t1", "ben", "double charge", c => c with { Atonement = new Atonement("free night", 4, 100m, ApprovalState.Pending) });
        await AddAsync("t1", "ben", "decided already", c => c with { Atonement = new Atonement("free night", 4, 100m, ApprovalState.Approved) });
        var late = await AddAsync("t1", "cat", "lost bag", c => c with { Status = CaseStatus.AwaitingFollowUp, FollowUpAt = Now.AddHours(-2) });
        await AddAsync("t1", "cat", "not yet due", c => c with { Status = CaseStatus.AwaitingFollowUp, FollowUpAt = Now.AddHours(2) });
        await AddAsync("t2", "dan", "other team's approval", c => c with { Atonement = new Atonement("free night", 4, 100m, ApprovalState.Pending) });

        var view = await homes.ForAsync("t1", "boss", null, CancellationToken.None);

        Assert.True(view.IsManager);
        Assert.Equal([pending.Id], view.PendingApprovals.Select(c => c.Id));
        Assert.Equal([late.Id], view.OverdueFollowUps.Select(c => c.Id));
        Assert.Empty(view.Mine);
    }
}
