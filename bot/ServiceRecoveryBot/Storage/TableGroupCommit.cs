using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;

namespace ServiceRecoveryBot.Storage;

/// <summary>
/// Group commit for table writes. A write is a group of actions on one partition that must succeed or fail together
/// (one conditional state write, or a case's rows). While a request to a partition is in flight, the writes that
/// arrive for it wait, and the next request carries all of them in one entity group transaction. With nothing in
/// flight a write goes out at once, alone, through the plain single-entity call, so a quiet bot pays nothing for this;
/// a busy one sends far fewer requests (Azurite spends about as much on a batch of five as on two single writes, see
/// docs/BENCHMARKS.md).
/// <para>
/// Each write still gets its own answer. A batch fails whole when one of its actions fails: the write that holds the
/// failed action (Azure names its index) gets that error, and the others go again without it. When a failure cannot be
/// pinned on one write, each write is sent again on its own. A batch keeps to Azure's rules: at most 100 actions, each
/// row once, and well under 4 MiB.
/// </para>
/// </summary>
public sealed class TableGroupCommit
{
    /// <summary>Below Azure's 4 MiB per batch, with room for the multipart framing.</summary>
    private const long MaxBatchBytes = 3 * 1024 * 1024;

    /// <summary>Keyed by client instance (reference equality) and partition: only writes made through one client share its requests.</summary>
    private readonly ConcurrentDictionary<(TableClient Table, string Partition), PartitionQueue> queues = new();

    /// <summary>
    /// Writes the actions (one partition) together and returns one response per action, in order; throws the
    /// <see cref="RequestFailedException"/> of the first action that failed.
    /// </summary>
    public async Task<IReadOnlyList<Response>> WriteAsync(TableClient table, IReadOnlyList<TableTransactionAction> actions, CancellationToken ct)
    {
        TableLimits.EnsureValidBatch(actions);
        ct.ThrowIfCancellationRequested();
        var write = new PendingWrite(actions, EstimateBytes(actions));
        var key = (table, actions[0].Entity.PartitionKey);
        var queue = queues.GetOrAdd(key, k => new PartitionQueue(k.Table, k.Partition));
        bool lead;
        lock (queue)
        {
            queue.Waiting.Add(write);
            lead = !queue.Flushing;
            queue.Flushing = true;
        }
        // Not yet sent: a cancelled write leaves the queue. Once sent, its outcome is awaited like any request's.
        using var cancellation = ct.Register(() =>
        {
            lock (queue)
            {
                if (queue.Waiting.Remove(write)) write.Completion.TrySetCanceled(ct);
            }
        });
        if (lead) await FlushAsync(queue, inline: true);
        return await write.Completion.Task;
    }

    /// <summary>
    /// Sends what is waiting, one batch at a time, until the queue is empty. The writer that found the partition idle
    /// sends the first batch itself (it holds its own write) and returns; whatever arrived meanwhile goes from a pool
    /// thread. A writer waits for the request in flight and then its own, unless more than a batch is queued before it.
    /// </summary>
    private async Task FlushAsync(PartitionQueue queue, bool inline)
    {
        while (TakeBatch(queue) is { } batch)
        {
            await SendAsync(queue.Table, batch);
            if (!inline) continue;
            lock (queue)
            {
                if (queue.Waiting.Count == 0)
                {
                    Release(queue);
                    return;
                }
            }
            _ = Task.Run(() => FlushAsync(queue, inline: false));
            return;
        }
    }

    /// <summary>
    /// Oldest first, as many writes as fit one batch; a write touching a row already in it waits for the next. Null,
    /// and the partition marked idle, when nothing waits.
    /// </summary>
    private List<PendingWrite>? TakeBatch(PartitionQueue queue)
    {
        lock (queue)
        {
            var waiting = queue.Waiting;
            if (waiting.Count == 0)
            {
                Release(queue);
                return null;
            }
            var batch = new List<PendingWrite>();
            var rows = new HashSet<string>(StringComparer.Ordinal);
            int actions = 0;
            long bytes = 0;
            for (var i = 0; i < waiting.Count; i++)
            {
                var write = waiting[i];
                if (batch.Count > 0 && (actions + write.Actions.Count > TableLimits.MaxBatchActions || bytes + write.Bytes > MaxBatchBytes)) break;
                if (write.Actions.Any(a => rows.Contains(a.Entity.RowKey))) continue;
                foreach (var action in write.Actions) rows.Add(action.Entity.RowKey);
                actions += write.Actions.Count;
                bytes += write.Bytes;
                batch.Add(write);
                waiting.RemoveAt(i--);
            }
            return batch;
        }
    }

    /// <summary>
    /// Under the queue's lock. A writer that still holds the removed queue finds it idle and leads it; the next one
    /// gets a new queue. Both work, so the dictionary only ever holds partitions with writes in flight.
    /// </summary>
    private void Release(PartitionQueue queue)
    {
        queue.Flushing = false;
        queues.TryRemove(new KeyValuePair<(TableClient, string), PartitionQueue>((queue.Table, queue.Partition), queue));
    }

    private static async Task SendAsync(TableClient table, List<PendingWrite> batch)
    {
        while (batch.Count > 1)
        {
            Response<IReadOnlyList<Response>> responses;
            try
            {
                responses = await table.SubmitTransactionAsync(batch.SelectMany(w => w.Actions), CancellationToken.None);
            }
            catch (TableTransactionFailedException ex) when (ex.FailedTransactionActionIndex is int index && Owner(batch, index) is { } failed)
            {
                failed.Completion.TrySetException(ex);
                batch.Remove(failed);
                continue;
            }
            catch (Exception)
            {
                // Not attributable to one write (the service or the network failed): each one goes on its own.
                foreach (var write in batch) await SendAloneAsync(table, write);
                return;
            }
            var offset = 0;
            foreach (var write in batch)
            {
                write.Completion.TrySetResult(responses.Value.Skip(offset).Take(write.Actions.Count).ToList());
                offset += write.Actions.Count;
            }
            return;
        }
        if (batch.Count == 1) await SendAloneAsync(table, batch[0]);
    }

    private static PendingWrite? Owner(List<PendingWrite> batch, int actionIndex)
    {
        foreach (var write in batch)
        {
            if (actionIndex < write.Actions.Count) return write;
            actionIndex -= write.Actions.Count;
        }
        return null;
    }

    private static async Task SendAloneAsync(TableClient table, PendingWrite write)
    {
        try
        {
            IReadOnlyList<Response> responses = write.Actions.Count == 1
                ? [await SendOneAsync(table, write.Actions[0])]
                : (await table.SubmitTransactionAsync(write.Actions, CancellationToken.None)).Value;
            write.Completion.TrySetResult(responses);
        }
        catch (Exception ex)
        {
            write.Completion.TrySetException(ex);
        }
    }

    /// <summary>One action through the single-entity call, which costs the service less than a batch of one.</summary>
    private static Task<Response> SendOneAsync(TableClient table, TableTransactionAction action)
    {
        var entity = action.Entity;
        return action.ActionType switch
        {
            TableTransactionActionType.Add => table.AddEntityAsync(entity, CancellationToken.None),
            TableTransactionActionType.UpdateReplace => table.UpdateEntityAsync(entity, action.ETag, TableUpdateMode.Replace, CancellationToken.None),
            TableTransactionActionType.UpdateMerge => table.UpdateEntityAsync(entity, action.ETag, TableUpdateMode.Merge, CancellationToken.None),
            TableTransactionActionType.UpsertReplace => table.UpsertEntityAsync(entity, TableUpdateMode.Replace, CancellationToken.None),
            TableTransactionActionType.UpsertMerge => table.UpsertEntityAsync(entity, TableUpdateMode.Merge, CancellationToken.None),
            TableTransactionActionType.Delete => table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, action.ETag, CancellationToken.None),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action.ActionType, "Unknown table action."),
        };
    }

    /// <summary>An upper bound on an action's share of the request: binary goes as base64, a string character as up to 6 bytes of JSON.</summary>
    private static long EstimateBytes(IReadOnlyList<TableTransactionAction> actions)
    {
        long bytes = 0;
        foreach (var action in actions)
        {
            bytes += 512 + (action.Entity.PartitionKey.Length + action.Entity.RowKey.Length) * 6L;
            if (action.Entity is not TableEntity entity) continue;
            foreach (var (name, value) in entity)
            {
                bytes += name.Length + 64 + value switch
                {
                    string text => text.Length * 6L,
                    byte[] data => data.Length * 4L / 3,
                    _ => 32,
                };
            }
        }
        return bytes;
    }

    private sealed class PartitionQueue(TableClient table, string partition)
    {
        public TableClient Table { get; } = table;

        public string Partition { get; } = partition;

        public List<PendingWrite> Waiting { get; } = [];

        public bool Flushing { get; set; }
    }

    private sealed class PendingWrite(IReadOnlyList<TableTransactionAction> actions, long bytes)
    {
        public IReadOnlyList<TableTransactionAction> Actions { get; } = actions;

        public long Bytes { get; } = bytes;

        public TaskCompletionSource<IReadOnlyList<Response>> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
