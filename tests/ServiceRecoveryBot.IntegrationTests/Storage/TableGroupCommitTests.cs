using System.Collections.Concurrent;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using ServiceRecoveryBot.IntegrationTests.Infrastructure;
using ServiceRecoveryBot.Storage;

namespace ServiceRecoveryBot.IntegrationTests.Storage;

/// <summary>
/// Group commit against Azurite. The first request to the table is held at the client's pipeline until the test lets
/// it go, so the writes issued meanwhile are known to be waiting behind a request in flight.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableGroupCommitTests(AzuriteFixture azurite)
{
    private const string Partition = "s01";

    /// <summary>A bound on waits that should end at once, so a regression fails the test instead of hanging the run.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private readonly HoldFirstRequest hold = new();
    private readonly TableGroupCommit commits = new();

    [Fact]
    public async Task Writes_that_arrive_while_one_is_in_flight_go_together_in_one_batch()
    {
        var table = await CreateTableAsync();
        var first = await HoldFirstWriteAsync(table, "row-0");
        var waiting = Enumerable.Range(1, 9).Select(i => commits.WriteAsync(table, [Add($"row-{i}")], default)).ToList();

        hold.Release();
        var responses = await Task.WhenAll(waiting.Prepend(first));

        Assert.All(responses, r => Assert.NotNull(Assert.Single(r).Headers.ETag));
        Assert.Equal(["POST table", "POST $batch"], hold.Requests);
        Assert.Equal(10, (await table.QueryAsync<TableEntity>().ToListAsync()).Count);
    }

    [Fact]
    public async Task A_stale_write_fails_alone_and_the_others_in_its_batch_commit()
    {
        var table = await CreateTableAsync(hold: false);
        var etags = new Dictionary<string, ETag>();
        foreach (var row in new[] { "a", "b", "c", "d" })
            etags[row] = (await table.AddEntityAsync(new TableEntity(Partition, row) { ["Value"] = 0 })).Headers.ETag!.Value;
        await table.UpdateEntityAsync(new TableEntity(Partition, "c") { ["Value"] = 7 }, etags["c"]); // "c" moves on: its ETag is stale
        var gated = await CreateTableAsync(table.Name);

        var first = await HoldFirstWriteAsync(gated, "e");
        var updates = new[] { "a", "b", "c", "d" }.ToDictionary(row => row, row => commits.WriteAsync(gated, [Update(row, etags[row], 1)], default));
        hold.Release();
        await first;

        var stale = await Assert.ThrowsAnyAsync<RequestFailedException>(() => updates["c"]);
        Assert.Equal(412, stale.Status);
        await Task.WhenAll(updates.Values.Where(u => u != updates["c"]));
        Assert.Equal(["POST table", "POST $batch", "POST $batch"], hold.Requests); // the failed batch, then the rest without "c"
        foreach (var row in new[] { "a", "b", "d" })
        {
            await updates[row];
            Assert.Equal(1, (await table.GetEntityAsync<TableEntity>(Partition, row)).Value.GetInt32("Value"));
        }
        Assert.Equal(7, (await table.GetEntityAsync<TableEntity>(Partition, "c")).Value.GetInt32("Value"));
    }

    [Fact]
    public async Task Two_writes_to_one_row_never_share_a_batch_and_the_second_add_finds_the_row_taken()
    {
        var table = await CreateTableAsync();
        var first = await HoldFirstWriteAsync(table, "other");
        var winner = commits.WriteAsync(table, [Add("same")], default);
        var loser = commits.WriteAsync(table, [Add("same")], default);
        var bystander = commits.WriteAsync(table, [Add("bystander")], default);

        hold.Release();
        await Task.WhenAll(first, winner, bystander);

        Assert.Equal(409, (await Assert.ThrowsAnyAsync<RequestFailedException>(() => loser)).Status);
        Assert.Equal(["POST table", "POST $batch", "POST table"], hold.Requests);
    }

    [Fact]
    public async Task A_case_sized_group_commits_whole_next_to_single_writes()
    {
        var table = await CreateTableAsync();
        var first = await HoldFirstWriteAsync(table, "single-0");
        var group = commits.WriteAsync(table, [Add("group-main"), Add("group-list"), Add("group-t1")], default);
        var single = commits.WriteAsync(table, [Add("single-1")], default);

        hold.Release();
        await first;

        Assert.Equal(3, (await group).Count);
        Assert.Single(await single);
        Assert.Equal(["POST table", "POST $batch"], hold.Requests);
        Assert.Equal(5, (await table.QueryAsync<TableEntity>().ToListAsync()).Count);
    }

    [Fact]
    public async Task A_queue_longer_than_one_batch_goes_in_batches_of_at_most_100()
    {
        var table = await CreateTableAsync();
        var first = await HoldFirstWriteAsync(table, "row-000");
        var waiting = Enumerable.Range(1, 149).Select(i => commits.WriteAsync(table, [Add($"row-{i:D3}")], default)).ToList();

        hold.Release();
        await Task.WhenAll(waiting.Prepend(first));

        Assert.Equal(["POST table", "POST $batch", "POST $batch"], hold.Requests);
        Assert.Equal(150, (await table.QueryAsync<TableEntity>().ToListAsync()).Count);
    }

    [Fact]
    public async Task A_write_through_another_client_does_not_wait_for_this_clients_request()
    {
        var gated = await CreateTableAsync();
        var other = await CreateTableAsync(gated.Name, hold: false);
        var first = await HoldFirstWriteAsync(gated, "held");

        // Queued behind the held request, this would time out instead.
        await commits.WriteAsync(other, [Add("free")], default).WaitAsync(Bound);

        Assert.False(first.IsCompleted);
        hold.Release();
        await first;
    }

    [Fact]
    public async Task A_write_cancelled_before_it_is_sent_is_dropped()
    {
        var table = await CreateTableAsync();
        var first = await HoldFirstWriteAsync(table, "kept");
        using var cancel = new CancellationTokenSource();
        var dropped = commits.WriteAsync(table, [Add("dropped")], cancel.Token);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dropped);
        hold.Release();
        await first;

        var rows = await table.QueryAsync<TableEntity>().ToListAsync();
        Assert.Equal("kept", Assert.Single(rows).RowKey);
    }

    [Fact]
    public async Task Concurrent_conditional_increments_lose_nothing_and_count_each_success_once()
    {
        var table = await CreateTableAsync(hold: false);
        var rows = Enumerable.Range(0, 6).Select(i => $"counter-{i}").ToList();
        foreach (var row in rows) await table.AddEntityAsync(new TableEntity(Partition, row) { ["Value"] = 0 });
        var succeeded = new int[rows.Count];

        // 20 writers, each adding 1 to a counter 10 times: read, then a conditional replace through group commit,
        // again on 412. Many writes share batches, and many of those batches hold a stale write.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(writer => Task.Run(async () =>
        {
            for (var n = 0; n < 10; n++)
            {
                var index = (writer + n) % rows.Count;
                for (var attempt = 0; attempt < 200; attempt++)
                {
                    var current = (await table.GetEntityAsync<TableEntity>(Partition, rows[index])).Value;
                    try
                    {
                        await commits.WriteAsync(table, [Update(rows[index], current.ETag, current.GetInt32("Value")!.Value + 1)], default);
                        Interlocked.Increment(ref succeeded[index]);
                        break;
                    }
                    catch (RequestFailedException ex) when (ex.Status == 412)
                    {
                        // Someone else's increment landed first: read again.
                    }
                }
            }
        })));

        for (var i = 0; i < rows.Count; i++)
            Assert.Equal(succeeded[i], (await table.GetEntityAsync<TableEntity>(Partition, rows[i])).Value.GetInt32("Value"));
        Assert.Equal(200, succeeded.Sum());
    }

    [Fact]
    public async Task Batch_rules_are_checked_before_anything_is_queued()
    {
        var table = await CreateTableAsync(hold: false);
        var twoPartitions = new List<TableTransactionAction> { Add("x"), new(TableTransactionActionType.Add, new TableEntity("other", "y")) };

        await Assert.ThrowsAsync<TableLimitException>(() => commits.WriteAsync(table, twoPartitions, default));
        Assert.Empty(await table.QueryAsync<TableEntity>().ToListAsync());
    }

    /// <summary>Starts a write through the holding client and waits until its request is held in flight.</summary>
    private async Task<Task<IReadOnlyList<Response>>> HoldFirstWriteAsync(TableClient table, string row)
    {
        var first = commits.WriteAsync(table, [Add(row)], default);
        await hold.Entered;
        return first;
    }

    /// <summary>A new table (or <paramref name="name"/>), through a client whose first request is held when <paramref name="hold"/>.</summary>
    private async Task<TableClient> CreateTableAsync(string? name = null, bool hold = true)
    {
        var tableName = name ?? AzuriteFixture.NewTablePrefix();
        if (name is null) await new TableServiceClient(azurite.ConnectionString).GetTableClient(tableName).CreateAsync();
        var options = new TableClientOptions();
        if (hold) options.AddPolicy(this.hold, HttpPipelinePosition.PerCall);
        return new TableServiceClient(azurite.ConnectionString, options).GetTableClient(tableName);
    }

    private static TableTransactionAction Add(string row) => new(TableTransactionActionType.Add, new TableEntity(Partition, row) { ["Value"] = 1 });

    private static TableTransactionAction Update(string row, ETag etag, int value) =>
        new(TableTransactionActionType.UpdateReplace, new TableEntity(Partition, row) { ["Value"] = value }, etag);

    /// <summary>Records each request ("POST table", "POST $batch") and holds the first until <see cref="Release"/>.</summary>
    private sealed class HoldFirstRequest : HttpPipelinePolicy
    {
        private readonly TaskCompletionSource entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int held;

        public ConcurrentQueue<string> Requests { get; } = new();

        public Task Entered => entered.Task.WaitAsync(Bound);

        public void Release() => released.TrySetResult();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            var path = message.Request.Uri.Path;
            Requests.Enqueue($"{message.Request.Method} {(path.EndsWith("/$batch", StringComparison.Ordinal) ? "$batch" : "table")}");
            if (Interlocked.Exchange(ref held, 1) == 0)
            {
                entered.TrySetResult();
                await released.Task;
            }
            await ProcessNextAsync(message, pipeline);
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The bot only calls storage asynchronously.");
    }
}
