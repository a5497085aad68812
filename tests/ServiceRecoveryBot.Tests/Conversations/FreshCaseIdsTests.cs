using Microsoft.Extensions.Time.Testing;
using ServiceRecoveryBot.Conversations.Recovery;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Testing;

namespace ServiceRecoveryBot.Tests.Conversations;

/// <summary>Case ids are checked against the team's cases, one id ahead, so opening a case need not wait on storage.</summary>
public sealed class FreshCaseIdsTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private readonly LookupCountingStore store = new();
    private readonly FakeTimeProvider clock = new();

    [Fact]
    public async Task The_next_case_of_a_team_gets_an_id_checked_ahead_without_waiting_on_storage()
    {
        var ids = new FreshCaseIds(store, clock);
        var first = await ids.NextAsync("team-a", CancellationToken.None).WaitAsync(Bound);

        var storageStalls = new TaskCompletionSource<RecoveryCase?>(TaskCreationOptions.RunContinuationsAsynchronously);
        store.Answer = _ => storageStalls.Task;
        var second = ids.NextAsync("team-a", CancellationToken.None);

        Assert.True(second.IsCompletedSuccessfully);
        var secondId = await second;
        Assert.NotEqual(first, secondId);
        Assert.Contains(secondId, store.Asked);
        storageStalls.SetResult(null);
    }

    [Fact]
    public async Task An_id_a_case_of_the_team_already_has_is_never_handed_out()
    {
        store.Answer = id => Task.FromResult<RecoveryCase?>(store.Asked.Count <= 3 ? Existing(id) : null);
        var ids = new FreshCaseIds(store, clock);

        var id = await ids.NextAsync("team-a", CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(store.Asked[3], id);
    }

    [Fact]
    public async Task When_storage_fails_the_check_ahead_the_next_case_checks_its_own_id()
    {
        var ids = new FreshCaseIds(store, clock);
        store.Answer = _ => store.Asked.Count == 2
            ? Task.FromException<RecoveryCase?>(new InvalidOperationException("Storage is unavailable (simulated)."))
            : Task.FromResult<RecoveryCase?>(null);
        await ids.NextAsync("team-a", CancellationToken.None).WaitAsync(Bound);

        var id = await ids.NextAsync("team-a", CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(4, store.Asked.Count);
        Assert.Equal(store.Asked[2], id);
    }

    [Fact]
    public async Task A_team_opening_many_cases_at_once_keeps_the_most_ids_ahead_and_no_more()
    {
        var ids = new FreshCaseIds(store, clock);
        var storage = new TaskCompletionSource<RecoveryCase?>(TaskCreationOptions.RunContinuationsAsynchronously);
        store.Answer = _ => storage.Task;
        var opening = Enumerable.Range(0, 6).Select(_ => ids.NextAsync("team-a", CancellationToken.None)).ToList();
        storage.SetResult(null);
        await Task.WhenAll(opening).WaitAsync(Bound);
        Assert.Equal(6 + FreshCaseIds.MostAhead, store.Asked.Count);

        var stalled = new TaskCompletionSource<RecoveryCase?>(TaskCreationOptions.RunContinuationsAsynchronously);
        store.Answer = _ => stalled.Task;
        var next = Enumerable.Range(0, FreshCaseIds.MostAhead).Select(_ => ids.NextAsync("team-a", CancellationToken.None)).ToList();

        Assert.All(next, id => Assert.True(id.IsCompletedSuccessfully));
        var checkedAhead = store.Asked.Skip(6).Take(FreshCaseIds.MostAhead).ToList();
        Assert.Equal(checkedAhead, await Task.WhenAll(next));
        stalled.SetResult(null);
    }

    [Fact]
    public async Task An_id_checked_ahead_longer_ago_than_it_stays_fresh_is_not_used()
    {
        var ids = new FreshCaseIds(store, clock);
        await ids.NextAsync("team-a", CancellationToken.None).WaitAsync(Bound);

        clock.Advance(FreshCaseIds.FreshFor + TimeSpan.FromSeconds(1));
        var id = await ids.NextAsync("team-a", CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(4, store.Asked.Count);
        Assert.Equal(store.Asked[2], id);
    }

    [Fact]
    public async Task A_code_drawn_again_while_its_case_may_still_be_unsaved_is_not_handed_out_twice()
    {
        var codes = new Queue<CaseId>([new CaseId("SR-AAAA"), new CaseId("SR-AAAA"), new CaseId("SR-BBBB"), new CaseId("SR-CCCC")]);
        var ids = new FreshCaseIds(store, clock, codes.Dequeue);

        var first = await ids.NextAsync("team-a", CancellationToken.None).WaitAsync(Bound);
        var second = await ids.NextAsync("team-a", CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(new CaseId("SR-AAAA"), first);
        Assert.Equal(new CaseId("SR-BBBB"), second);
    }

    [Fact]
    public async Task Teams_have_their_own_ids_checked_in_their_own_cases()
    {
        var ids = new FreshCaseIds(store, clock);

        await ids.NextAsync("team-a", CancellationToken.None).WaitAsync(Bound);
        await ids.NextAsync("team-b", CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(["team-a", "team-a", "team-b", "team-b"], store.Teams);
    }

    private static RecoveryCase Existing(CaseId id) =>
        RecoveryCase.Open(id, "team-a", "staff-1", "Sam", "Cold soup", DateTimeOffset.UnixEpoch);

    /// <summary>Answers id lookups as the test says and records them; everything else goes to the in-memory store.</summary>
    private sealed class LookupCountingStore : ICaseStore
    {
        private readonly InMemoryCaseStore cases = new();
        private readonly Lock gate = new();

        public Func<CaseId, Task<RecoveryCase?>> Answer { get; set; } = _ => Task.FromResult<RecoveryCase?>(null);
        public List<CaseId> Asked { get; } = [];
        public List<string> Teams { get; } = [];

        public Task<RecoveryCase?> FindAsync(string teamKey, CaseId id, CancellationToken ct)
        {
            lock (gate)
            {
                Asked.Add(id);
                Teams.Add(teamKey);
            }
            return Answer(id);
        }

        public Task<bool> TryCreateAsync(RecoveryCase recoveryCase, CancellationToken ct) => cases.TryCreateAsync(recoveryCase, ct);
        public Task SaveAsync(RecoveryCase recoveryCase, CancellationToken ct) => cases.SaveAsync(recoveryCase, ct);
        public Task<IReadOnlyList<CaseSummary>> ListAsync(string teamKey, int max, CancellationToken ct) => cases.ListAsync(teamKey, max, ct);
        public Task<IReadOnlyList<CaseEvent>> TimelineAsync(string teamKey, CaseId id, CancellationToken ct) => cases.TimelineAsync(teamKey, id, ct);
    }
}
