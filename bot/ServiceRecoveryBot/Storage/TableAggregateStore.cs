using System.Globalization;
using Azure;
using Azure.Data.Tables;
using ServiceRecoveryBot.Insights;
using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Storage;

/// <summary>
/// The figures in the Aggregates table, one partition per team and day (<c>{team}|{yyyyMMdd}</c>):
/// <list type="bullet">
/// <item><c>n|{key}</c>: the day's counters under one key (<c>n|a</c> team-wide, <c>n|c|…</c> category,
/// <c>n|s|…</c> severity, <c>n|p|…</c> staff member);</item>
/// <item><c>k|{caseId}</c>: each case's current share (its revision, keys and counters).</item>
/// </list>
/// A share is applied by taking the case's stored share back from the keyed rows and adding the new one, all rows in
/// one entity-group transaction written with the ETags read (a 412 or 409 re-reads and tries again): a crash or a race
/// leaves either the old share or the new one, never both. Reading a team's days is one point read per day.
/// The partition <c>{team}|meta</c> holds the reconcile mark.
/// </summary>
public sealed class TableAggregateStore(TableServiceClient service, TableNames names) : IAggregateStore
{
    private const int MaxAttempts = 20;

    /// <summary>Applies to one partition from this instance wait their turn (by partition hash), so only other instances' writes can race them.</summary>
    private readonly SemaphoreSlim[] partitionGates = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>Shares per transaction: each brings its own row and may touch a few keyed rows, within the 100 actions of a batch.</summary>
    private const int SharesPerBatch = 20;

    private readonly TableClient table = service.GetTableClient(names.Aggregates);

    public async Task ApplyAsync(string teamKey, DateOnly day, IReadOnlyList<CaseShare> shares, CancellationToken ct)
    {
        var partition = PartitionKey(teamKey, day);
        var gate = partitionGates[(int)((uint)StringComparer.Ordinal.GetHashCode(partition) % (uint)partitionGates.Length)];
        await gate.WaitAsync(ct);
        try
        {
            await ApplyInPartitionAsync(partition, shares, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task ApplyInPartitionAsync(string partition, IReadOnlyList<CaseShare> shares, CancellationToken ct)
    {
        var pending = shares.GroupBy(s => s.CaseId.Value).Select(g => g.MaxBy(s => s.Revision)!).ToList();
        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            // One read of the day, then transactions of a few shares each; each answer's ETags carry into the next.
            var stored = await ReadSharesAsync(partition, pending, ct);
            var keyed = await ReadKeyedAsync(partition, ct);
            try
            {
                while (pending.Count > 0)
                {
                    var chunk = pending.Take(SharesPerBatch).ToList();
                    await ApplyChunkAsync(partition, chunk, stored, keyed, ct);
                    pending.RemoveRange(0, chunk.Count);
                }
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another instance changed the day meanwhile: read again (after a short, spread-out pause) and recompute what is left.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * Math.Min(attempt, 10))), ct);
            }
        }
    }

    private async Task ApplyChunkAsync(string partition, IReadOnlyList<CaseShare> shares, Dictionary<string, StoredShare> stored, Dictionary<string, KeyedRow> keyed, CancellationToken ct)
    {
        var actions = new List<TableTransactionAction>();
        var applied = new List<CaseShare>();
        var touched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var share in shares)
        {
            var old = stored.GetValueOrDefault(share.CaseId.Value);
            if (old is not null && (old.Revision > share.Revision || old.Revision == share.Revision && old.SameAs(share))) continue;
            if (old is not null)
                foreach (var key in old.Keys) Row(keyed, key).Figures.Add(CaseShare.Under(key, old.Figures), -1);
            foreach (var key in share.Keys) Row(keyed, key).Figures.Add(CaseShare.Under(key, share.Figures));
            touched.UnionWith(old?.Keys ?? []);
            touched.UnionWith(share.Keys);
            var row = ShareRow(partition, share);
            actions.Add(old is not null
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, old.ETag)
                : new TableTransactionAction(TableTransactionActionType.Add, row));
            applied.Add(share);
        }
        if (actions.Count == 0) return;
        var keys = touched.Where(key => !(keyed[key].Figures.IsEmpty && keyed[key].ETag is null)).ToList();
        actions.AddRange(keys.Select(key => KeyedAction(partition, key, keyed[key])));
        var responses = await SubmitAsync(actions, ct);
        for (var i = 0; i < applied.Count; i++)
            stored[applied[i].CaseId.Value] = new StoredShare(applied[i].CaseId.Value, applied[i].Revision, applied[i].Keys, applied[i].Figures, responses[i].Headers.ETag ?? default);
        for (var i = 0; i < keys.Count; i++)
        {
            if (actions[applied.Count + i].ActionType == TableTransactionActionType.Delete) keyed.Remove(keys[i]);
            else keyed[keys[i]].ETag = responses[applied.Count + i].Headers.ETag;
        }
    }

    public async Task<AggregateRead> ReadAsync(string teamKey, string key, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var days = new List<DateOnly>();
        for (var d = from; d <= to; d = d.AddDays(1)) days.Add(d);
        var rowKey = KeyedRowKey(key);
        var found = new DayFigures?[days.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, days.Count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (i, token) =>
        {
            var response = await table.GetEntityIfExistsAsync<TableEntity>(PartitionKey(teamKey, days[i]), rowKey, cancellationToken: token);
            if (response.HasValue) found[i] = new DayFigures(days[i], Tally.FromJson(TableLimits.ReadChunked(response.Value!, "Counts")));
        });
        var present = found.OfType<DayFigures>().ToList();
        return new AggregateRead(present, present.Count, days.Count);
    }

    public async Task<bool> RepairAsync(string teamKey, DateOnly day, CancellationToken ct)
    {
        var partition = PartitionKey(teamKey, day);
        for (var attempt = 1; ; attempt++)
        {
            var keyed = await ReadKeyedAsync(partition, ct);
            var expected = new Dictionary<string, Tally>(StringComparer.Ordinal);
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {"k|"} and RowKey lt {"k}"}");
            await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            {
                var share = StoredShare.From(row);
                foreach (var key in share.Keys)
                {
                    if (!expected.TryGetValue(key, out var sum)) expected[key] = sum = new Tally();
                    sum.Add(CaseShare.Under(key, share.Figures));
                }
            }
            var wrong = expected.Keys.Union(keyed.Keys)
                .Where(key => !(expected.GetValueOrDefault(key) ?? new Tally()).SameAs(keyed.GetValueOrDefault(key)?.Figures ?? new Tally()))
                .ToList();
            if (wrong.Count == 0) return false;
            foreach (var key in wrong) Row(keyed, key).Figures = expected.GetValueOrDefault(key) ?? new Tally();
            try
            {
                foreach (var chunk in wrong.Chunk(TableLimits.MaxBatchActions))
                    await SubmitAsync([.. chunk.Select(key => KeyedAction(partition, key, keyed[key]))], ct);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxAttempts)
            {
            }
        }
    }

    public async Task<DateTimeOffset?> ReconciledUntilAsync(string teamKey, CancellationToken ct)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(MetaPartition(teamKey), "reconciled", cancellationToken: ct);
        return response.HasValue ? response.Value!.GetDateTimeOffset("Until") : null;
    }

    public Task SetReconciledUntilAsync(string teamKey, DateTimeOffset until, CancellationToken ct) =>
        table.UpsertEntityAsync(new TableEntity(MetaPartition(teamKey), "reconciled") { ["Until"] = until }, TableUpdateMode.Replace, ct);

    private async Task<IReadOnlyList<Response>> SubmitAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken ct)
    {
        TableLimits.EnsureValidBatch(actions);
        return (await table.SubmitTransactionAsync(actions, ct)).Value;
    }

    private async Task<Dictionary<string, StoredShare>> ReadSharesAsync(string partition, IReadOnlyList<CaseShare> shares, CancellationToken ct)
    {
        var stored = new Dictionary<string, StoredShare>(StringComparer.Ordinal);
        if (shares.Count <= 3)
        {
            foreach (var share in shares)
            {
                var response = await table.GetEntityIfExistsAsync<TableEntity>(partition, ShareRowKey(share.CaseId), cancellationToken: ct);
                if (response.HasValue) stored[share.CaseId.Value] = StoredShare.From(response.Value!);
            }
            return stored;
        }
        var wanted = shares.Select(s => s.CaseId.Value).ToHashSet(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {"k|"} and RowKey lt {"k}"}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            var share = StoredShare.From(row);
            if (wanted.Contains(share.CaseId)) stored[share.CaseId] = share;
        }
        return stored;
    }

    private async Task<Dictionary<string, KeyedRow>> ReadKeyedAsync(string partition, CancellationToken ct)
    {
        var keyed = new Dictionary<string, KeyedRow>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {"n|"} and RowKey lt {"n}"}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            keyed[row.GetString("Key") ?? row.RowKey[2..]] = new KeyedRow(Tally.FromJson(TableLimits.ReadChunked(row, "Counts")), row.ETag);
        return keyed;
    }

    private static KeyedRow Row(Dictionary<string, KeyedRow> keyed, string key)
    {
        if (!keyed.TryGetValue(key, out var row)) keyed[key] = row = new KeyedRow(new Tally(), null);
        return row;
    }

    private static TableTransactionAction KeyedAction(string partition, string key, KeyedRow row)
    {
        var entity = new TableEntity(partition, KeyedRowKey(key)) { ["Key"] = key };
        if (row.Figures.IsEmpty && row.ETag is { } gone) return new TableTransactionAction(TableTransactionActionType.Delete, entity, gone);
        TableLimits.WriteChunked(entity, "Counts", row.Figures.ToJson());
        return row.ETag is { } etag
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, etag)
            : new TableTransactionAction(TableTransactionActionType.Add, entity);
    }

    private static TableEntity ShareRow(string partition, CaseShare share)
    {
        var entity = new TableEntity(partition, ShareRowKey(share.CaseId))
        {
            ["CaseId"] = share.CaseId.Value,
            ["Revision"] = share.Revision,
            ["Keys"] = string.Join('\n', share.Keys),
        };
        TableLimits.WriteChunked(entity, "Counts", share.Figures.ToJson());
        return entity;
    }

    internal static string PartitionKey(string teamKey, DateOnly day) =>
        TableKeys.Encode(teamKey) + "|" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string MetaPartition(string teamKey) => TableKeys.Encode(teamKey) + "|meta";

    private static string ShareRowKey(CaseId id) => "k|" + id.Value;

    /// <summary>Staff ids may hold characters keys cannot: they are encoded; the raw key is kept in the row's Key property.</summary>
    private static string KeyedRowKey(string key) =>
        "n|" + (key.StartsWith("p|", StringComparison.Ordinal) ? "p|" + TableKeys.Encode(key[2..]) : key);

    private sealed class KeyedRow(Tally figures, ETag? etag)
    {
        public Tally Figures { get; set; } = figures;
        public ETag? ETag { get; set; } = etag;
    }

    private sealed record StoredShare(string CaseId, int Revision, IReadOnlyList<string> Keys, Tally Figures, ETag ETag)
    {
        public bool SameAs(CaseShare share) => Keys.SequenceEqual(share.Keys) && Figures.SameAs(share.Figures);

        public static StoredShare From(TableEntity row) => new(
            row.GetString("CaseId") ?? row.RowKey[2..],
            row.GetInt32("Revision") ?? 0,
            (row.GetString("Keys") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries),
            Tally.FromJson(TableLimits.ReadChunked(row, "Counts")),
            row.ETag);
    }
}
