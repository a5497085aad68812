using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Storage;

/// <summary>
/// Cases in the Cases table, one partition per team (PartitionKey = encoded team key):
/// <list type="bullet">
/// <item><c>i|{caseId}</c>: the whole case as JSON, its timeline included, with UpdatedUtc (a point read gives a case
/// and its timeline); before the case is opened, its id's reservation (Status
/// <c>Reserved</c>, no JSON), which the case then replaces;</item>
/// <item><c>c|{inverted ticks}|{caseId}</c>: the list row (a range query gives a team's cases newest first).</item>
/// </list>
/// A save writes those two rows whatever the timeline's length. (Up to commit 24770f1 each timeline entry had a row of
/// its own as well, <c>t|{caseId}|{sequence}</c>: more than half the rows a recovery wrote, for a query the case's own
/// row answers. Those rows are no longer read or written; the case's row holds every entry.)
/// All rows of a save go in one batch in the case's partition, so they change together (and saves of other cases in the
/// team that arrive meanwhile share it: <see cref="TableGroupCommit"/>). A save never replaces a newer
/// version of the case (compared by Revision, written with the ETag read).
/// The JSON is a string property when it fits (non-ASCII unescaped, split over <c>Json0</c>… of 32K characters), else
/// Brotli-compressed in binary ones (<c>JsonZ0</c>…). A row that cannot be read is left as it is, logged once, and
/// read as no case (a list row as no entry), so one bad row never stops a look-up or a list.
/// </summary>
public sealed partial class TableCaseStore(TableServiceClient service, TableNames names, IMemoryCache cache, TableGroupCommit commits, ILogger<TableCaseStore> logger) : ICaseStore
{
    private const int MaxSaveAttempts = 5;
    /// <summary>Entries hold a revision and an ETag: sized as a few hundred bytes (the cache's limit is in bytes).</summary>
    private static readonly MemoryCacheEntryOptions CacheEntry = new() { Size = 256, SlidingExpiration = TimeSpan.FromMinutes(20) };
    private readonly TableClient table = service.GetTableClient(names.Cases);

    public async Task<bool> TryReserveAsync(string teamKey, CaseId id, CancellationToken ct)
    {
        var reservation = new TableEntity(PartitionKeyFor(teamKey), MainRowKey(id)) { ["Status"] = Reserved };
        try
        {
            var responses = await commits.WriteAsync(table, [new TableTransactionAction(TableTransactionActionType.Add, reservation)], ct);
            if (responses[0].Headers.ETag is { } etag) cache.Set(ReservationKey(teamKey, id), etag, CacheEntry);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<bool> TryCreateAsync(RecoveryCase recoveryCase, CancellationToken ct)
    {
        // On its id's reservation the case replaces it, matched by the ETag the reservation got (remembered, or read
        // when forgotten); with no reservation the case is added. A case already there is never replaced.
        var reservationKey = ReservationKey(recoveryCase.TeamKey, recoveryCase.Id);
        ETag? reservation = cache.TryGetValue<ETag>(reservationKey, out var remembered) ? remembered : null;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var responses = await commits.WriteAsync(table, RowsFor(recoveryCase, reservation), ct);
                cache.Remove(reservationKey);
                Remember(recoveryCase, responses[0].Headers.ETag);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxSaveAttempts)
            {
                var row = await ReadMainRowAsync(recoveryCase.TeamKey, recoveryCase.Id, ct);
                if (row is not null && !IsReservation(row)) return false;
                reservation = row?.ETag;
            }
        }
    }

    public async Task SaveAsync(RecoveryCase recoveryCase, CancellationToken ct)
    {
        // A case with an approval in play is read before each write, so a manager's decision and the recovery's own
        // saves, racing, never undo each other (RecoveryCase.ReconciledWith).
        var reconciles = recoveryCase.Atonement is { Approval: ApprovalState.Pending } or { Decision: not null };
        for (var attempt = 1; ; attempt++)
        {
            var toWrite = recoveryCase;
            // The last version this instance wrote usually still stands: use it instead of a read. If another writer
            // changed the case since, the ETag no longer matches, the batch fails with 412, and we read.
            var known = attempt == 1 && !reconciles && cache.TryGetValue<StoredVersion>(CacheKey(recoveryCase), out var remembered) ? remembered : null;
            if (known is null)
            {
                var row = await ReadMainRowAsync(recoveryCase.TeamKey, recoveryCase.Id, ct);
                if (row is not null && !IsReservation(row) && !IsVersionOf(row, recoveryCase))
                    throw new CaseIdTakenException(recoveryCase.Id);
                known = row is null ? null : new StoredVersion(row.GetInt32("Revision") ?? 0, row.ETag);
                if (reconciles && row is not null && !IsReservation(row) && StoredCase(row) is { } stored) toWrite = recoveryCase.ReconciledWith(stored);
            }
            if (known is not null && known.Revision >= toWrite.Revision)
                return; // A newer (or the same) version is already stored.

            var actions = RowsFor(toWrite, known?.ETag);
            try
            {
                var responses = await commits.WriteAsync(table, actions, ct);
                Remember(toWrite, responses[0].Headers.ETag);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxSaveAttempts)
            {
                cache.Remove(CacheKey(recoveryCase)); // Another writer got there first: re-read and decide again.
            }
        }
    }

    /// <summary>The stored case of a main row, or null (logged once) when it cannot be read: then the save writes over it.</summary>
    private RecoveryCase? StoredCase(TableEntity row)
    {
        try
        {
            return CaseOf(row);
        }
        catch (Exception ex) when (IsUnreadable(ex))
        {
            Unreadable(row, ex);
            return null;
        }
    }

    public async Task<RecoveryCase?> FindAsync(string teamKey, CaseId id, CancellationToken ct)
    {
        if (await ReadMainRowAsync(teamKey, id, ct) is not { } entity || IsReservation(entity)) return null;
        return StoredCase(entity);
    }

    private const string CompressedJsonProperty = "JsonZ";

    /// <summary>The case in a main row, whichever way its JSON is stored; throws what <see cref="IsUnreadable"/> names for a row that cannot be read.</summary>
    internal static RecoveryCase? CaseOf(TableEntity entity) => entity.ContainsKey(CompressedJsonProperty + "Chunks")
        ? JsonSerializer.Deserialize<RecoveryCase>(
            CompressedJson.Decompress(TableLimits.ReadChunkedBytes(entity, CompressedJsonProperty), entity.GetInt32("JsonLength") ?? 0), StorageJson.Options)
        : JsonSerializer.Deserialize<RecoveryCase>(TableLimits.ReadChunked(entity, "Json"), StorageJson.Options);

    internal static bool IsUnreadable(Exception ex) =>
        ex is JsonException or InvalidDataException or NotSupportedException or InvalidOperationException or FormatException or ArgumentException;

    /// <summary>Logs a row that cannot be read, once per row and version while this instance remembers it.</summary>
    private void Unreadable(TableEntity entity, Exception error)
    {
        var key = $"unreadable/{table.Name}/{entity.PartitionKey}/{entity.RowKey}/{entity.ETag}";
        if (cache.TryGetValue(key, out _)) return;
        cache.Set(key, true, CacheEntry);
        LogUnreadable(logger, entity.RowKey, error.GetType().Name);
    }

    public async Task<IReadOnlyList<CaseSummary>> ListAsync(string teamKey, int max, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKeyFor(teamKey)} and RowKey ge {"c|"} and RowKey lt {"c}"}");
        var results = new List<CaseSummary>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: ct))
        {
            if (row.GetString("CaseId") is not { Length: > 0 } caseId || !Enum.TryParse<CaseStatus>(row.GetString("Status"), out var status)
                || (row.GetString("Category") is { } named && !Enum.TryParse<FailureCategory>(named, out _)))
            {
                Unreadable(row, new FormatException("A list row without a case id, or with an unknown status or category."));
                continue;
            }
            results.Add(new CaseSummary(
                new CaseId(caseId),
                row.GetDateTimeOffset("OpenedUtc") ?? default,
                status,
                row.GetString("Category") is { } category ? Enum.Parse<FailureCategory>(category) : null,
                row.GetInt32("Severity"),
                row.GetString("StaffId") ?? "",
                row.GetString("WhatHappened") ?? "")
            {
                FollowUpAt = row.GetDateTimeOffset("FollowUpUtc"),
                Customer = row.GetString("Customer"),
                Flagged = row.GetBoolean("Flagged") ?? false,
                AwaitingApproval = row.GetBoolean("AwaitingApproval") ?? false,
                PromiseDueAt = row.GetDateTimeOffset("PromiseUtc"),
            });
            if (results.Count >= max) break;
        }
        return results;
    }

    public async Task<IReadOnlyList<CaseEvent>> TimelineAsync(string teamKey, CaseId id, CancellationToken ct) =>
        (await FindAsync(teamKey, id, ct))?.Timeline ?? [];

    /// <summary>The case's main row (or its id's reservation), or null.</summary>
    private async Task<TableEntity?> ReadMainRowAsync(string teamKey, CaseId id, CancellationToken ct)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(PartitionKeyFor(teamKey), MainRowKey(id), cancellationToken: ct);
        return response.HasValue ? response.Value : null;
    }

    private void Remember(RecoveryCase c, ETag? etag)
    {
        if (etag is { } value) cache.Set(CacheKey(c), new StoredVersion(c.Revision, value), CacheEntry);
    }

    /// <summary>Versions are remembered per case, not per id, so a save can only ever take its own case's ETag.</summary>
    private string CacheKey(RecoveryCase c) => $"{table.Name}/{c.TeamKey}/{c.Id.Value}/{c.StaffId}/{c.OpenedAt.UtcTicks}";

    private string ReservationKey(string teamKey, CaseId id) => $"{table.Name}/{teamKey}/{id.Value}";

    /// <summary>The Status of an id's reservation: not a <see cref="CaseStatus"/>, so no case row ever has it.</summary>
    private const string Reserved = "Reserved";

    private static bool IsReservation(TableEntity mainRow) => mainRow.GetString("Status") == Reserved;

    /// <summary>Whether the main row holds a version of the case (rows written before StaffId was stored count as one).</summary>
    /// <summary>The same case: opened at the same moment, by someone who owned it (its owner may change with a reassignment).</summary>
    private static bool IsVersionOf(TableEntity mainRow, RecoveryCase c) =>
        mainRow.GetString("StaffId") is not { } staff || (c.WasOwnedBy(staff) && mainRow.GetDateTimeOffset("OpenedUtc") == c.OpenedAt);

    private sealed record StoredVersion(int Revision, ETag ETag);

    private static List<TableTransactionAction> RowsFor(RecoveryCase c, ETag? mainRowETag)
    {
        var partition = PartitionKeyFor(c.TeamKey);
        var main = new TableEntity(partition, MainRowKey(c.Id))
        {
            ["StaffId"] = c.StaffId,
            ["OpenedUtc"] = c.OpenedAt,
            ["UpdatedUtc"] = c.UpdatedAt,
            ["Revision"] = c.Revision,
            ["Status"] = c.Status.ToString(),
        };
        var json = JsonSerializer.Serialize(c, StorageJson.Options);
        if (json.Length * 2L <= TableLimits.MaxEntityBytes - 64 * 1024)
        {
            TableLimits.WriteChunked(main, "Json", json);
        }
        else
        {
            var utf8 = System.Text.Encoding.UTF8.GetBytes(json);
            main["JsonLength"] = utf8.Length;
            TableLimits.WriteChunked(main, CompressedJsonProperty, CompressedJson.Compress(utf8));
        }

        var list = new TableEntity(partition, ListRowKey(c))
        {
            ["CaseId"] = c.Id.Value,
            ["OpenedUtc"] = c.OpenedAt,
            ["Status"] = c.Status.ToString(),
            ["Category"] = c.Category?.ToString(),
            ["Severity"] = c.Severity,
            ["StaffId"] = c.StaffId,
            ["WhatHappened"] = Truncate(c.WhatHappened, 500),
            ["Customer"] = c.Customer?.NameOrReference is { } customer ? Truncate(customer, 200) : null,
            ["FollowUpUtc"] = c.FollowUpAt,
            ["Flagged"] = CaseSummary.Of(c).Flagged,
            ["AwaitingApproval"] = c.Atonement is { Approval: ApprovalState.Pending },
            ["PromiseUtc"] = c.Promise?.DueAt,
        };

        return
        [
            mainRowETag is { } etag
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, main, etag)
                : new TableTransactionAction(TableTransactionActionType.Add, main),
            new(TableTransactionActionType.UpsertReplace, list),
        ];
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    internal static string PartitionKeyFor(string teamKey) => TableKeys.Encode(teamKey);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Error, Message = "Case row {RowKey} could not be read ({Error}); left as it is and skipped")]
    private static partial void LogUnreadable(ILogger logger, string rowKey, string error);

    private static string MainRowKey(CaseId id) => "i|" + id.Value;

    private static string ListRowKey(RecoveryCase c) => $"c|{TableKeys.InvertedTicks(c.OpenedAt)}|{c.Id.Value}";
}
