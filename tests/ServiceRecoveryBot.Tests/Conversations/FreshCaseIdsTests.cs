using ServiceRecoveryBot.Conversations.Recovery;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Testing;

namespace ServiceRecoveryBot.Tests.Conversations;

/// <summary>Case ids are reserved in the team's cases, ahead of need, so opening a case need not wait on storage.</summary>
public sealed class FreshCaseIdsTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private readonly ReservationCountingStore store = new();

    [Fact]
    public async Task The_next_case_of_a_team_gets_an_id_reserved_ahead_without_waiting_on_storage()
    {
        var ids = new FreshCaseIds(store);
        var first = await ids.NextAsync("team-a", CancellationToken.None).WaitAsync(Bound);

        var storageStalls = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        store.Answer = _ => storageStalls.Task;
        var second = ids.NextAsync("team-a", CancellationToken.None);

        Assert.True(second.IsCompletedSuccessfully);
        var secondId = await second;
        Assert.NotEqual(first, secondId);
        Assert.Contains(secondId, store.Asked);
        storageStalls.SetResult(true);
    }

    [Fact]
    public async Task An_id_the_store_will_not_reserve_is_never_handed_out()
    {
        store.Answer = _ => Task.FromResult(store.Asked.Count > 3);
        var ids = new FreshCaseIds(store);

        var id = await ids.NextAsync("team-a", CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(store.Asked[3], id);
    }

    [Fact]
    public async Task When_storage_fails_the_reservation_ahead_the_next_case_reserves_its_own_id()
    {
        var ids = new FreshCaseIds(store);
        store.Answer = _ => store.Asked.Count == 2
            ? Task.FromException<bool>(new InvalidOperationException("Storage is unavailable (simulated)."))
            : Task.FromResult(true);
        await ids.NextAsync("team-a", CancellationToken.None).WaitAsync(Bound);

        var id = await ids.NextAsync("team-a", CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(4, store.Asked.Count);
        Assert.Equal(store.Asked[2], id);
    }

    [Fact]
    public async Task A_team_opening_many_cases_at_once_keeps_the_most_ids_ahead_and_no_more()
    {
        var ids = new FreshCaseIds(store);
        var storage = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        store.Answer = _ => storage.Task;
        var opening = Enumerable.Range(0, 6).Select(_ => ids.NextAsync("team-a", CancellationToken.None)).ToList();
        storage.SetResult(true);
        await Task.WhenAll(opening).WaitAsync(Bound);
        Assert.Equal(6 + FreshCaseIds.MostAhead, store.Asked.Count);

        var stalled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        store.Answer = _ => stalled.Task;
        var next = Enumerable.Range(0, FreshCaseIds.MostAhead).Select(_ => ids.NextAsync("team-a", CancellationToken.None)).ToList();

        Assert.All(next, id => Assert.True(id.IsCompletedSuccessfully));
        // Reservations started together reach the store in any order, so the ids are compared as a set.
        var reservedAhead = store.Asked.Skip(6).Take(FreshCaseIds.MostAhead).Select(id => id.Value).Order();
        Assert.Equal(reservedAhead, (await Task.WhenAll(next)).Select(id => id.Value).Order());
        stalled.SetResult(true);
    }

    [Fact]
    public async Task A_code_drawn_again_is_not_handed_out_twice()
    {
        var ids = new FreshCaseIds(new InMemoryCaseStore(), Draws("SR-AAAA", "SR-AAAA", "SR-BBBB", "SR-CCCC"));

        var first = await ids.NextAsync("team-a", CancellationToken.None).WaitAsync(Bound);
        var second = await ids.NextAsync("team-a", CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(new CaseId("SR-AAAA"), first);
        Assert.Equal(new CaseId("SR-BBBB"), second);
    }

    [Fact]
    public async Task Two_instances_of_the_bot_drawing_the_same_code_hand_it_to_one_case_only()
    {
        var shared = new InMemoryCaseStore();
        var one = new FreshCaseIds(shared, Draws("SR-AAAA", "SR-CCCC"));
        var other = new FreshCaseIds(shared, Draws("SR-AAAA", "SR-BBBB", "SR-DDDD"));

        var fromOne = await one.NextAsync("team-a", CancellationToken.None).WaitAsync(Bound);
        var fromOther = await other.NextAsync("team-a", CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(new CaseId("SR-AAAA"), fromOne);
        Assert.Equal(new CaseId("SR-BBBB"), fromOther);
    }

    [Fact]
    public async Task Teams_have_their_own_ids_reserved_in_their_own_cases()
    {
        var ids = new FreshCaseIds(store);

        await ids.NextAsync("team-a", CancellationToken.None).WaitAsync(Bound);
        await ids.NextAsync("team-b", CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(["team-a", "team-a", "team-b", "team-b"], store.Teams);
    }

    /// <summary>Draws these codes, in order.</summary>
    private static Func<CaseId> Draws(params string[] codes) => new Queue<CaseId>(codes.Select(code => new CaseId(code))).Dequeue;

    /// <summary>Answers reservations as the test says and records them; everything else goes to the in-memory store.</summary>
    private sealed class ReservationCountingStore : ICaseStore
    {
        private readonly InMemoryCaseStore cases = new();
        private readonly Lock gate = new();

        public Func<CaseId, Task<bool>> Answer { get; set; } = _ => Task.FromResult(true);
        public List<CaseId> Asked { get; } = [];
        public List<string> Teams { get; } = [];

        public Task<bool> TryReserveAsync(string teamKey, CaseId id, CancellationToken ct)
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
        public Task<RecoveryCase?> FindAsync(string teamKey, CaseId id, CancellationToken ct) => cases.FindAsync(teamKey, id, ct);
        public Task<IReadOnlyList<CaseSummary>> ListAsync(string teamKey, int max, CancellationToken ct) => cases.ListAsync(teamKey, max, ct);
        public Task<IReadOnlyList<CaseEvent>> TimelineAsync(string teamKey, CaseId id, CancellationToken ct) => cases.TimelineAsync(teamKey, id, ct);
    }
}
