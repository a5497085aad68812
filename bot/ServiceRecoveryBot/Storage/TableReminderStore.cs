using System.Globalization;
using Azure;
using Azure.Data.Tables;
using ServiceRecoveryBot.Reminders;

namespace ServiceRecoveryBot.Storage;

/// <summary>
/// Reminders in the Reminders table, keyed by due time:
/// <list type="bullet">
/// <item>PartitionKey <c>due_{yyyyMMddHH}</c>: the UTC hour the reminder falls due in;</item>
/// <item>RowKey <c>{yyyyMMddHHmmssfff}|{encoded id}</c>: due time then id, so a range query in one partition returns
/// exactly the reminders due up to a time;</item>
/// <item>the cursor, PartitionKey <c>cursor</c>, RowKey <c>due</c>: the oldest hour bucket that may still hold
/// reminders. A scan queries only the buckets from the cursor to the current hour (never a table scan) and moves the
/// cursor, with its ETag, past the buckets it found empty and that can no longer receive reminders.</item>
/// </list>
/// Queries: (1) schedule = insert (409 = already scheduled); (2) cancel = point delete by (due time, id);
/// (3) scan = per bucket <c>PartitionKey eq 'due_…' and RowKey le '{now}~'</c> (<c>~</c> sorts after <c>|</c>).
/// <para>
/// The cursor only moves past a bucket that is empty and whose hour ended at least <see cref="SettleTime"/> ago, so
/// reminders added for the current or a future hour (the usual case) cannot be passed by. A reminder added into an
/// hour that has already ended (due in the past) rewrites the cursor after the insert: that moves the cursor back when
/// needed, and in any case changes its ETag, so a scan that read the cursor before the insert cannot then advance it
/// past the new reminder (its update fails with 412). Other adds only make sure the cursor exists (one read per store
/// instance). Assumes instances' clocks agree, and an insert lands, within <see cref="SettleTime"/>.
/// </para>
/// <para>
/// A reminder waiting for a retry stays in its bucket (with NotBefore), so it holds the cursor there until it is done;
/// each scan then queries the hours from there to now (one cheap range query per hour, mostly empty).
/// </para>
/// </summary>
public sealed class TableReminderStore(TableServiceClient service, TableNames names, TableGroupCommit commits) : IReminderStore
{
    internal const string CursorPartition = "cursor";
    internal const string CursorRow = "due";
    private const string BucketFormat = "yyyyMMddHH";
    private const string DueFormat = "yyyyMMddHHmmssfff";
    private const int MaxCursorAttempts = 10;

    /// <summary>How long after its hour ends a bucket may still receive an insert from a slow or slightly late instance.</summary>
    internal static readonly TimeSpan SettleTime = TimeSpan.FromMinutes(5);

    private volatile bool cursorExists;
    private readonly TableClient table = service.GetTableClient(names.Reminders);

    public async Task<bool> AddAsync(Reminder reminder, DateTimeOffset now, CancellationToken ct)
    {
        var added = await TryInsertAsync(reminder, ct);
        // Also when it was already there: the earlier add may have died before it reached the cursor.
        await KeepCursorBehindAsync(reminder.DueAt, now, ct);
        return added;
    }

    /// <summary>Inserts the row; false when it is already there (409).</summary>
    private async Task<bool> TryInsertAsync(Reminder reminder, CancellationToken ct)
    {
        try
        {
            await commits.WriteAsync(table, [new TableTransactionAction(TableTransactionActionType.Add, ReminderRow.ToEntity(reminder))], ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task AddManyAsync(IReadOnlyCollection<Reminder> reminders, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var partition in reminders.GroupBy(r => PartitionKeyFor(r.DueAt), StringComparer.Ordinal))
        {
            foreach (var chunk in partition.DistinctBy(r => RowKeyFor(r.DueAt, r.Id), StringComparer.Ordinal).Chunk(TableLimits.MaxBatchActions))
            {
                var actions = chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Add, ReminderRow.ToEntity(r))).ToList();
                TableLimits.EnsureValidBatch(actions);
                try
                {
                    await table.SubmitTransactionAsync(actions, ct);
                }
                catch (TableTransactionFailedException ex) when (ex.Status == 409)
                {
                    foreach (var r in chunk) await TryInsertAsync(r, ct); // some were there already: one by one; the cursor is kept below
                }
            }
        }
        if (reminders.Count > 0) await KeepCursorBehindAsync(reminders.Min(r => r.DueAt), now, ct);
    }

    public async Task<bool> RemoveAsync(string reminderId, DateTimeOffset dueAt, CancellationToken ct)
    {
        using var response = await table.DeleteEntityAsync(PartitionKeyFor(dueAt), RowKeyFor(dueAt, reminderId), ETag.All, ct);
        return response.Status != 404;
    }

    public async Task<ReminderScan> ScanDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var current = Bucket(now);
        var cursor = await ReadCursorAsync(current, ct);
        var found = new List<StoredReminder>();
        var queried = 0;
        DateTimeOffset? firstNonEmpty = null;
        var upTo = DueKey(now) + "~";
        for (var bucket = cursor.Bucket; bucket <= current; bucket = bucket.AddHours(1))
        {
            queried++;
            var before = found.Count;
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKeyForBucket(bucket)} and RowKey le {upTo}");
            await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
                found.Add(ReminderRow.FromEntity(row));
            if (found.Count > before) firstNonEmpty ??= bucket;
        }

        // A settled bucket (its hour ended more than SettleTime ago) that was empty stays empty unless a reminder due in
        // the past is added into it, and such an add rewrites the cursor (see the class summary): the update then fails.
        var advanceTo = Min(firstNonEmpty ?? current, FirstUnsettledBucket(now));
        if (advanceTo > cursor.Bucket && cursor.ETag is { } etag)
        {
            try
            {
                await table.UpdateEntityAsync(CursorEntity(advanceTo), etag, TableUpdateMode.Replace, ct);
            }
            catch (RequestFailedException ex) when (ex.Status is 412 or 404)
            {
                // Another scan advanced it, or a reminder was added behind it: leave it for the next scan.
            }
        }
        return new ReminderScan(found, queried);
    }

    public async Task<StoredReminder?> TryClaimAsync(StoredReminder reminder, string instanceId, DateTimeOffset claimUntil, CancellationToken ct)
    {
        var claimed = reminder with
        {
            Status = ReminderStatus.Claimed,
            ClaimedBy = instanceId,
            ClaimUntil = claimUntil,
            NotBefore = null,
            Attempts = reminder.Attempts + 1,
        };
        return await TryReplaceAsync(claimed, reminder.Version, ct) is { } version ? claimed with { Version = version } : null;
    }

    public async Task<bool> TryCompleteAsync(StoredReminder claimed, CancellationToken ct)
    {
        try
        {
            using var response = await table.DeleteEntityAsync(PartitionKeyFor(claimed.Reminder.DueAt), RowKeyFor(claimed.Reminder.DueAt, claimed.Reminder.Id), new ETag(claimed.Version), ct);
            return response.Status != 404;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false;
        }
    }

    public async Task<bool> TryReleaseAsync(StoredReminder claimed, DateTimeOffset notBefore, CancellationToken ct)
    {
        var pending = claimed with { Status = ReminderStatus.Pending, ClaimedBy = null, ClaimUntil = null, NotBefore = notBefore };
        return await TryReplaceAsync(pending, claimed.Version, ct) is not null;
    }

    private async Task<string?> TryReplaceAsync(StoredReminder reminder, string version, CancellationToken ct)
    {
        try
        {
            var response = await table.UpdateEntityAsync(ReminderRow.ToEntity(reminder), new ETag(version), TableUpdateMode.Replace, ct);
            return response.Headers.ETag?.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return null;
        }
    }

    /// <summary>Reads the cursor, creating it at the current hour the first time.</summary>
    private async Task<(DateTimeOffset Bucket, ETag? ETag)> ReadCursorAsync(DateTimeOffset current, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await table.GetEntityIfExistsAsync<TableEntity>(CursorPartition, CursorRow, cancellationToken: ct);
            if (stored.HasValue && stored.Value is { } cursor)
            {
                cursorExists = true;
                return (Min(ParseBucket(cursor.GetString("Bucket")), current), cursor.ETag);
            }
            try
            {
                var response = await table.AddEntityAsync(CursorEntity(current), ct);
                cursorExists = true;
                return (current, response.Headers.ETag);
            }
            catch (RequestFailedException ex) when (ex.Status == 409 && attempt < MaxCursorAttempts)
            {
            }
        }
    }

    private async Task KeepCursorBehindAsync(DateTimeOffset dueAt, DateTimeOffset now, CancellationToken ct)
    {
        if (IsPastHour(dueAt, now))
        {
            await HoldCursorAtAsync(Bucket(dueAt), now, ct);
        }
        else if (!cursorExists)
        {
            try
            {
                await table.AddEntityAsync(CursorEntity(Bucket(Min(dueAt, now))), ct);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // It is there already: created by a scan at its current hour, or by another add; not after this reminder's.
            }
            cursorExists = true;
        }
    }

    /// <summary>Rewrites the cursor so that it is at or before <paramref name="bucket"/>, always changing its ETag.</summary>
    private async Task HoldCursorAtAsync(DateTimeOffset bucket, DateTimeOffset now, CancellationToken ct)
    {
        var target = Min(bucket, Bucket(now));
        for (var attempt = 1; ; attempt++)
        {
            var stored = await table.GetEntityIfExistsAsync<TableEntity>(CursorPartition, CursorRow, cancellationToken: ct);
            try
            {
                if (stored.HasValue && stored.Value is { } cursor)
                {
                    await table.UpdateEntityAsync(CursorEntity(Min(ParseBucket(cursor.GetString("Bucket")), target)), cursor.ETag, TableUpdateMode.Replace, ct);
                }
                else
                {
                    await table.AddEntityAsync(CursorEntity(target), ct);
                }
                cursorExists = true;
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404 && attempt < MaxCursorAttempts)
            {
            }
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static TableEntity CursorEntity(DateTimeOffset bucket) => new(CursorPartition, CursorRow) { ["Bucket"] = BucketKey(bucket) };

    /// <summary>A reminder due in an hour that has ended lands in a bucket a scan may already have passed.</summary>
    internal static bool IsPastHour(DateTimeOffset dueAt, DateTimeOffset now) => Bucket(dueAt).AddHours(1) <= now;

    /// <summary>The oldest bucket that may still receive an insert: a scan may move the cursor past any empty bucket before it.</summary>
    internal static DateTimeOffset FirstUnsettledBucket(DateTimeOffset now) => Bucket(now - SettleTime);

    internal static DateTimeOffset Bucket(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    internal static string BucketKey(DateTimeOffset at) => at.UtcDateTime.ToString(BucketFormat, CultureInfo.InvariantCulture);

    internal static DateTimeOffset ParseBucket(string? key) =>
        DateTimeOffset.ParseExact(key ?? throw new InvalidDataException("The reminder cursor has no Bucket."), BucketFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    internal static string DueKey(DateTimeOffset at) => at.UtcDateTime.ToString(DueFormat, CultureInfo.InvariantCulture);

    internal static string PartitionKeyFor(DateTimeOffset dueAt) => PartitionKeyForBucket(Bucket(dueAt));

    private static string PartitionKeyForBucket(DateTimeOffset bucket) => "due_" + BucketKey(bucket);

    internal static string RowKeyFor(DateTimeOffset dueAt, string reminderId) => DueKey(dueAt) + "|" + TableKeys.Encode(reminderId);
}
