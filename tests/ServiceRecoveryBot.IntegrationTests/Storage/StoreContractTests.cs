using Azure.Data.Tables;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServiceRecoveryBot.Turns.State;
using ServiceRecoveryBot.IntegrationTests.Infrastructure;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Storage;
using ServiceRecoveryBot.Testing;

namespace ServiceRecoveryBot.IntegrationTests.Storage;

/// <summary>
/// One contract, two implementations: the in-memory fakes the unit tests use and the Table Storage stores on Azurite
/// must behave alike, so the fakes cannot drift.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StoreContractTests(AzuriteFixture azurite)
{
    public static TheoryData<string> Stores => new() { "memory", "tables" };

    private async Task<(IConversationStateStore States, ICaseStore Cases)> CreateAsync(string kind)
    {
        if (kind == "memory") return (new InMemoryConversationStateStore(), new InMemoryCaseStore());
        var (service, names) = await CreateTablesAsync();
        var cache = NewCache();
        return (new TableConversationStateStore(service, names, cache, new TableGroupCommit(), NullLogger<TableConversationStateStore>.Instance), NewCaseStore(service, names, cache));
    }

    private async Task<(TableServiceClient Service, TableNames Names)> CreateTablesAsync()
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        var names = new TableNames(Options.Create(new StorageOptions { TablePrefix = AzuriteFixture.NewTablePrefix() }));
        foreach (var name in names.All) await service.GetTableClient(name).CreateIfNotExistsAsync();
        return (service, names);
    }

    private static MemoryCache NewCache() => new(new MemoryCacheOptions { SizeLimit = 1 << 20 });

    /// <summary>A table case store as one instance of the bot has it: its own cache and group commit.</summary>
    private static TableCaseStore NewCaseStore(TableServiceClient service, TableNames names, MemoryCache? cache = null) =>
        new(service, names, cache ?? NewCache(), new TableGroupCommit(), NullLogger<TableCaseStore>.Instance);

    /// <summary>When the test cases open (a fixed moment, so the list order is known).</summary>
    private static readonly DateTimeOffset At = DateTimeOffset.UnixEpoch.AddYears(56);

    private static RecoveryCase NewCase(string team, DateTimeOffset at, string? id = null) =>
        RecoveryCase.Open(id is null ? CaseId.New() : new CaseId(id), team, "staff-1", "Sam", "Breakfast arrived cold", at);

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_stale_etag_loses_and_the_fresh_state_wins(string kind)
    {
        var (states, _) = await CreateAsync(kind);
        var key = new ConversationKey("msteams", "19:abc@thread.tacv2;messageid=1/#?'%");
        Assert.True((await states.TrySaveAsync(key, new ConversationState { ActiveCaseId = "first" }, null, default)).Saved);
        Assert.False((await states.TrySaveAsync(key, new ConversationState(), null, default)).Saved);
        var loaded = await states.LoadAsync(key, default);
        Assert.Equal("first", loaded!.State.ActiveCaseId);

        var winner = await states.TrySaveAsync(key, new ConversationState { ActiveCaseId = "second" }, loaded.ETag, default);
        Assert.True(winner.Saved);
        Assert.False((await states.TrySaveAsync(key, new ConversationState { ActiveCaseId = "lost" }, loaded.ETag, default)).Saved);
        Assert.Equal("second", (await states.LoadAsync(key, default))!.State.ActiveCaseId);
    }

    [Fact]
    public async Task A_large_state_is_read_back_whole_by_an_instance_without_it_in_memory()
    {
        var (service, names) = await CreateTablesAsync();
        var writer = new TableConversationStateStore(service, names, NewCache(), new TableGroupCommit(), NullLogger<TableConversationStateStore>.Instance);
        var key = new ConversationKey("msteams", "a:1large");
        // Random text barely compresses, so this state needs several 64 KiB binary properties.
        var large = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(150_000));
        Assert.True((await writer.TrySaveAsync(key, new ConversationState { ActiveCaseId = large, GuidanceStep = 7 }, null, default)).Saved);

        var reader = new TableConversationStateStore(service, names, NewCache(), new TableGroupCommit(), NullLogger<TableConversationStateStore>.Instance);
        var loaded = await reader.LoadAsync(key, default);

        Assert.Equal(large, loaded!.State.ActiveCaseId);
        Assert.Equal(7, loaded.State.GuidanceStep);
        var row = (await service.GetTableClient(names.DialogState).QueryAsync<TableEntity>().ToListAsync()).Single();
        Assert.True(row.GetInt32("StateChunks") >= 2);
    }


    [Fact]
    public async Task A_state_row_in_its_partition_of_the_earlier_layout_is_moved_on_first_read_and_stays_writable()
    {
        var (service, names) = await CreateTablesAsync();
        var table = service.GetTableClient(names.DialogState);
        static string PartitionOf(ConversationKey key, int shards = TableConversationStateStore.Shards) =>
            TableConversationStateStore.PartitionKeyFor(TableConversationStateStore.RowKeyFor(key), shards);
        var key = Enumerable.Range(0, 100).Select(i => new ConversationKey("msteams", $"a:moved{i}"))
            .First(k => PartitionOf(k, TableConversationStateStore.PreviousShards) != PartitionOf(k));
        var writer = new TableConversationStateStore(service, names, NewCache(), new TableGroupCommit(), NullLogger<TableConversationStateStore>.Instance);
        Assert.True((await writer.TrySaveAsync(key, new ConversationState { ActiveCaseId = "SR-7K3Q", GuidanceStep = 3 }, null, default)).Saved);
        // As the earlier layout stored it: the same row in the partition the previous shard count picks.
        var written = (await table.QueryAsync<TableEntity>().ToListAsync()).Single();
        await table.DeleteEntityAsync(written.PartitionKey, written.RowKey);
        written.PartitionKey = PartitionOf(key, TableConversationStateStore.PreviousShards);
        await table.AddEntityAsync(written);

        // Two instances read it at once; each has nothing in memory.
        var readers = Enumerable.Range(0, 2).Select(_ => new TableConversationStateStore(service, names, NewCache(), new TableGroupCommit(), NullLogger<TableConversationStateStore>.Instance)).ToList();
        var loaded = await Task.WhenAll(readers.Select(r => r.LoadAsync(key, default)));

        Assert.All(loaded, l => Assert.Equal(("SR-7K3Q", 3), (l!.State.ActiveCaseId, l.State.GuidanceStep)));
        var row = (await table.QueryAsync<TableEntity>().ToListAsync()).Single();
        Assert.Equal(PartitionOf(key), row.PartitionKey);
        loaded[0]!.State.GuidanceStep = 4;
        Assert.True((await readers[0].TrySaveAsync(key, loaded[0]!.State, loaded[0]!.ETag, default)).Saved);
        var reread = await new TableConversationStateStore(service, names, NewCache(), new TableGroupCommit(), NullLogger<TableConversationStateStore>.Instance).LoadAsync(key, default);
        Assert.Equal(4, reread!.State.GuidanceStep);
    }
    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_case_id_is_taken_once_per_team(string kind)
    {
        var (_, cases) = await CreateAsync(kind);
        Assert.True(await cases.TryCreateAsync(NewCase("team-a", At, "SR-7K3Q"), default));
        Assert.False(await cases.TryCreateAsync(NewCase("team-a", At, "SR-7K3Q"), default));
        Assert.True(await cases.TryCreateAsync(NewCase("team-b", At, "SR-7K3Q"), default));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_reserved_id_is_no_case_and_is_held_until_its_case_is_opened_on_it(string kind)
    {
        var (_, cases) = await CreateAsync(kind);
        var id = new CaseId("SR-7K3Q");

        Assert.True(await cases.TryReserveAsync("team-a", id, default));
        Assert.False(await cases.TryReserveAsync("team-a", id, default));
        Assert.True(await cases.TryReserveAsync("team-b", id, default));
        Assert.Null(await cases.FindAsync("team-a", id, default));
        Assert.Empty(await cases.ListAsync("team-a", 10, default));

        var opened = NewCase("team-a", At, id.Value);
        Assert.True(await cases.TryCreateAsync(opened, default));
        Assert.Equal(opened.WhatHappened, (await cases.FindAsync("team-a", id, default))!.WhatHappened);
        Assert.Equal([id.Value], (await cases.ListAsync("team-a", 10, default)).Select(c => c.Id.Value));
        Assert.False(await cases.TryReserveAsync("team-a", id, default));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_save_never_replaces_another_case_with_the_same_id(string kind)
    {
        var (_, cases) = await CreateAsync(kind);
        var first = NewCase("team-a", At, "SR-7K3Q");
        Assert.True(await cases.TryCreateAsync(first, default));
        var another = RecoveryCase.Open(first.Id, "team-a", "staff-2", "Alex", "Lost luggage", At.AddMinutes(1))
            .Record(CaseStep.Apologised, At.AddMinutes(2), "staff-2");

        Assert.False(await cases.TryCreateAsync(another, default));
        await Assert.ThrowsAsync<CaseIdTakenException>(() => cases.SaveAsync(another, default));

        Assert.Equal("staff-1", (await cases.FindAsync("team-a", first.Id, default))!.StaffId);
    }

    [Fact]
    public async Task A_case_replaces_the_reservation_another_instance_made_for_its_id()
    {
        var (service, names) = await CreateTablesAsync();
        var reserving = NewCaseStore(service, names);
        var opening = NewCaseStore(service, names);
        var id = new CaseId("SR-9XQ2");
        Assert.True(await reserving.TryReserveAsync("team-a", id, default));

        var opened = NewCase("team-a", At, id.Value);
        Assert.True(await opening.TryCreateAsync(opened, default));

        Assert.Equal(opened.Revision, (await reserving.FindAsync("team-a", id, default))!.Revision);
        Assert.False(await opening.TryReserveAsync("team-a", id, default));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_save_never_replaces_a_newer_version(string kind)
    {
        var (_, cases) = await CreateAsync(kind);
        var opened = NewCase("team", At);
        await cases.TryCreateAsync(opened, default);
        var newer = opened.Record(CaseStep.Apologised, At.AddSeconds(30), "staff-1").Record(CaseStep.Listened, At.AddSeconds(40), "staff-1");
        var older = opened.Record(CaseStep.Apologised, At.AddSeconds(30), "staff-1");
        await cases.SaveAsync(newer, default);
        await cases.SaveAsync(older, default);

        var stored = await cases.FindAsync("team", opened.Id, default);
        Assert.Equal(newer.Revision, stored!.Revision);
        Assert.Equal([CaseStep.Opened, CaseStep.Apologised, CaseStep.Listened], (await cases.TimelineAsync("team", opened.Id, default)).Select(e => e.Step));
    }

    /// <summary>
    /// The staff member's recovery goes on from the pending case while a manager decides it: whichever save lands
    /// first, the stored case ends with the recovery's later steps and the manager's decision.
    /// </summary>
    [Theory]
    [InlineData("memory", true)]
    [InlineData("memory", false)]
    [InlineData("tables", true)]
    [InlineData("tables", false)]
    public async Task A_managers_decision_and_the_recoverys_own_save_never_undo_each_other(string kind, bool decisionFirst)
    {
        var (_, cases) = await CreateAsync(kind);
        var opened = NewCase("team", At);
        await cases.TryCreateAsync(opened, default);
        var pending = opened.Record(CaseStep.ApprovalRequested, At.AddSeconds(30), "staff-1") with { Atonement = new Atonement("$120 credit", 4, 120m, ApprovalState.Pending) };
        await cases.SaveAsync(pending, default);
        var decided = pending.Decide(approved: true, amount: null, At.AddSeconds(40), "29:manager", "Maria");
        var recoveryGoesOn = pending.Record(CaseStep.PromiseMade, At.AddSeconds(45), "staff-1").Record(CaseStep.FollowUpScheduled, At.AddSeconds(50), "staff-1");

        foreach (var version in decisionFirst ? new[] { decided, recoveryGoesOn } : [recoveryGoesOn, decided])
            await cases.SaveAsync(version, default);

        var stored = await cases.FindAsync("team", opened.Id, default);
        Assert.Equal(ApprovalState.Approved, stored!.Atonement!.Approval);
        Assert.Equal("Maria", stored.Atonement.Decision?.ByName);
        Assert.Contains(stored.Timeline, e => e.Step == CaseStep.FollowUpScheduled);
        Assert.Contains(stored.Timeline, e => e.Step == CaseStep.ApprovalDecided);
    }

    [Fact]
    public async Task A_case_and_its_whole_timeline_take_two_rows_and_are_read_back_by_another_instance()
    {
        var (service, names) = await CreateTablesAsync();
        var opened = NewCase("team", At);
        await NewCaseStore(service, names).TryCreateAsync(opened, default);
        var recovered = opened;
        foreach (var (step, seconds) in new[] { (CaseStep.Apologised, 20), (CaseStep.Listened, 40), (CaseStep.Fixed, 60), (CaseStep.AtonementOffered, 80), (CaseStep.Closed, 100) })
            recovered = recovered.Record(step, At.AddSeconds(seconds), "staff-1", step == CaseStep.Fixed ? new string('n', 5_000) : null);
        await NewCaseStore(service, names).SaveAsync(recovered, default);

        var rows = await service.GetTableClient(names.Cases).QueryAsync<TableEntity>(select: ["RowKey"]).ToListAsync();
        Assert.Equal([$"c|{TableKeys.InvertedTicks(At)}|{opened.Id.Value}", $"i|{opened.Id.Value}"], rows.Select(r => r.RowKey).Order(StringComparer.Ordinal));
        var timeline = await NewCaseStore(service, names).TimelineAsync("team", opened.Id, default);
        Assert.Equal(recovered.Timeline, timeline);
        Assert.Equal(5_000, timeline.Single(e => e.Step == CaseStep.Fixed).Note!.Length);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_teams_cases_list_newest_first(string kind)
    {
        var (_, cases) = await CreateAsync(kind);
        var first = NewCase("team/with#odd?chars", At, "SR-2222");
        var second = NewCase("team/with#odd?chars", At.AddMinutes(5), "SR-3333");
        var third = NewCase("team/with#odd?chars", At.AddMinutes(10), "SR-4444");
        foreach (var c in new[] { second, first, third }) await cases.TryCreateAsync(c, default);
        await cases.TryCreateAsync(NewCase("other-team", At.AddHours(1)), default);

        var listed = await cases.ListAsync("team/with#odd?chars", 10, default);
        Assert.Equal(["SR-4444", "SR-3333", "SR-2222"], listed.Select(c => c.Id.Value));
        Assert.Equal(["SR-4444", "SR-3333"], (await cases.ListAsync("team/with#odd?chars", 2, default)).Select(c => c.Id.Value));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_listed_case_names_its_customer(string kind)
    {
        var (_, cases) = await CreateAsync(kind);
        await cases.TryCreateAsync(NewCase("team-a", At, "SR-5555") with { Customer = new Customer("Okafor", CustomerTier.Regular) }, default);
        await cases.TryCreateAsync(NewCase("team-a", At.AddMinutes(1), "SR-6666"), default);

        var listed = await cases.ListAsync("team-a", 10, default);

        Assert.Equal([("SR-6666", null), ("SR-5555", "Okafor")], listed.Select(c => (c.Id.Value, c.Customer)));
    }

    [Theory]
    [InlineData("memory", 90_000)]
    [InlineData("tables", 90_000)]
    [InlineData("tables", 700_000)]
    public async Task What_opened_a_case_is_saved_whole_however_many_accented_characters_it_has(string kind, int length)
    {
        var (_, cases) = await CreateAsync(kind);
        var random = new Random(23);
        const string accented = "àéîõüçñÅØßœ";
        var words = string.Create(length, random, (span, r) => { for (var i = 0; i < span.Length; i++) span[i] = i % 9 == 8 ? ' ' : accented[r.Next(accented.Length)]; });
        var opened = NewCase("team-accents", At, "SR-9ZQX") with { WhatHappened = words };

        Assert.True(await cases.TryCreateAsync(opened, default));

        var found = await cases.FindAsync("team-accents", opened.Id, default);
        Assert.Equal(words, found?.WhatHappened);
        Assert.Contains(await cases.ListAsync("team-accents", 10, default), c => c.Id == opened.Id);
    }
}
