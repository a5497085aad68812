using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using ServiceRecoveryBot.Dialogs;
using ServiceRecoveryBot.Turns.State;

namespace ServiceRecoveryBot.Storage;

/// <summary>
/// Conversation state in the DialogState table: RowKey = channel + encoded conversation id, PartitionKey = one of
/// <see cref="Shards"/> shards picked by a hash of the RowKey, so that the state writes of concurrent turns in different
/// conversations go to storage together (<see cref="TableGroupCommit"/>). The RowKey is unique on its own: Azurite looks
/// rows up by RowKey first, and a RowKey shared by many rows would make every read and write scan them.
/// The document is Brotli-compressed JSON in binary properties (<c>State0</c>…, with <c>StateLength</c>), under half
/// the size of the same JSON in a string property; it is internal to the bot, so nothing else needs to read it.
/// Point reads and conditional writes only (Add for the first write, Replace with the ETag after that).
/// The last document read or committed and its ETag are kept in memory, so a turn usually skips the read; a stale copy (another
/// instance wrote since) fails its conditional write with 412, is dropped, and the turn re-runs on a fresh read.
/// A row still in its partition from the earlier layout (<see cref="PreviousShards"/>) is moved on its first read.
/// A row that cannot be read back is copied aside (<see cref="SetAsidePartition"/>) and the conversation starts afresh.
/// </summary>
public sealed partial class TableConversationStateStore(
    TableServiceClient service, TableNames names, IMemoryCache cache, TableGroupCommit commits, ILogger<TableConversationStateStore> logger) : IConversationStateStore
{
    /// <summary>Where rows that could not be read are kept, for a person to look at; nothing reads them.</summary>
    internal const string SetAsidePartition = "setaside";

    private const string StateProperty = "State";
    private const string LengthProperty = "StateLength";
    private const string PendingEffectsProperty = "PendingEffects";

    /// <summary>
    /// Partitions the conversations are spread over. Two, so that a busy bot keeps one batch in flight per partition while
    /// the next one fills: fewer, larger batches than with 8 (about 20 % more turns a second under load, with Azurite's
    /// CPU per turn down a fifth; one partition leaves storage idle between batches; docs/BENCHMARKS.md). Each partition
    /// takes about 2,000 writes a second in Azure, and a batch carries up to 100. A change here must keep the rows in the
    /// old partitions readable, as <see cref="PreviousShards"/> does.
    /// </summary>
    internal const int Shards = 2;

    /// <summary>The shard count of the earlier layout (up to commit 24770f1); rows written then are moved when first read.</summary>
    internal const int PreviousShards = 8;
    /// <summary>A cache entry sized by the bytes it holds (the cache's limit is in bytes, <see cref="StorageOptions.CacheBytes"/>).</summary>
    private static MemoryCacheEntryOptions CacheEntry(byte[] json) => new() { Size = json.Length + 256, SlidingExpiration = TimeSpan.FromMinutes(20) };

    private readonly TableClient table = service.GetTableClient(names.DialogState);

    public async Task<StoredConversationState?> LoadAsync(ConversationKey key, CancellationToken ct)
    {
        var row = RowKeyFor(key);
        if (cache.TryGetValue<CachedState>(CacheKey(row), out var cached) && cached is not null)
            return new StoredConversationState(Deserialize(cached.Json), cached.ETag);

        if ((await ReadAsync(PartitionKeyFor(row), row, ct) ?? await MoveFromPreviousPartitionAsync(row, ct)) is not { } entity) return null;
        byte[] json;
        ConversationState state;
        try
        {
            json = CompressedJson.Decompress(TableLimits.ReadChunkedBytes(entity, StateProperty), entity.GetInt32(LengthProperty) ?? 0);
            state = Deserialize(json);
        }
        catch (Exception ex) when (IsUnreadable(ex))
        {
            return new StoredConversationState(await SetAsideAsync(entity, ex, ct), entity.ETag.ToString());
        }
        cache.Set(CacheKey(row), new CachedState(json, entity.ETag.ToString()), CacheEntry(json)); // the next load (this turn's, after a check) skips the read
        return new StoredConversationState(state, entity.ETag.ToString());
    }

    /// <summary>
    /// Keeps a copy of a row that cannot be read (logged once, when copied) and gives the fresh state the conversation
    /// goes on with: its case, when the document still names one, and a frame no dialog owns, so the next message is told
    /// the conversation restarted. The row itself is replaced by the next commit, with its ETag.
    /// </summary>
    private async Task<ConversationState> SetAsideAsync(TableEntity entity, Exception error, CancellationToken ct)
    {
        var copy = new TableEntity(SetAsidePartition, entity.RowKey + "_" + TableKeys.InvertedTicks(entity.Timestamp ?? DateTimeOffset.UnixEpoch));
        foreach (var (name, value) in entity)
        {
            if (name is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")) copy[name] = value;
        }
        copy["SetAsideFrom"] = entity.PartitionKey;
        copy["PendingEffects"] = false; // the sweep looks for pending effects in the live rows only
        copy["Error"] = error.GetType().Name;
        try
        {
            await table.AddEntityAsync(copy, ct);
            LogSetAside(logger, entity.RowKey, error.GetType().Name);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Set aside already, by a turn that lost its commit or by another instance.
        }
        var caseId = ActiveCaseIdOf(entity);
        var fresh = new ConversationState { ActiveCaseId = caseId };
        fresh.Dialogs.DialogStack.Add(new DialogInstance { Id = DialogState.UnreadableFrameId, Version = 0 });
        return fresh;
    }

    /// <summary>The case a damaged document names (its top-level <c>activeCaseId</c>), read as far as the document goes.</summary>
    private static string? ActiveCaseIdOf(TableEntity entity)
    {
        try
        {
            var compressed = TableLimits.ReadChunkedBytes(entity, StateProperty);
            var json = new byte[Math.Clamp(entity.GetInt32(LengthProperty) ?? 0, 0, TableLimits.MaxEntityBytes * 16)];
            System.IO.Compression.BrotliDecoder.TryDecompress(compressed, json, out var written);
            var reader = new Utf8JsonReader(json.AsSpan(0, written), isFinalBlock: false, state: default);
            while (reader.Read())
            {
                if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("activeCaseId")
                    && reader.Read() && reader.TokenType == JsonTokenType.String)
                    return reader.GetString();
            }
        }
        catch (Exception ex) when (IsUnreadable(ex))
        {
            // Nothing more to read: no case named before the damage.
        }
        return null;
    }

    private static bool IsUnreadable(Exception ex) =>
        ex is JsonException or InvalidDataException or NotSupportedException or InvalidOperationException or FormatException or ArgumentException or InvalidCastException;

    /// <summary>
    /// The row as stored under <see cref="PreviousShards"/>, added to its partition now and deleted from the old one;
    /// null when there is none. When another instance moves it first, its copy is read instead.
    /// </summary>
    private async Task<TableEntity?> MoveFromPreviousPartitionAsync(string row, CancellationToken ct)
    {
        var previous = PartitionKeyFor(row, PreviousShards);
        var partition = PartitionKeyFor(row);
        if (previous == partition) return null;
        if (await ReadAsync(previous, row, ct) is not { } entity) return null;

        var moved = new TableEntity(partition, row);
        foreach (var (name, value) in entity)
        {
            if (name is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")) moved[name] = value;
        }
        try
        {
            var added = (await commits.WriteAsync(table, [new TableTransactionAction(TableTransactionActionType.Add, moved)], ct))[0];
            moved.ETag = added.Headers.ETag ?? throw new InvalidOperationException("The table service returned no ETag for an added row.");
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await ReadAsync(partition, row, ct);
        }
        try
        {
            await table.DeleteEntityAsync(previous, row, entity.ETag, ct);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Gone already, or rewritten by an instance still on the earlier layout: nothing here reads it again.
        }
        return moved;
    }

    public async Task<StateSaveResult> TrySaveAsync(ConversationKey key, ConversationState state, string? etag, CancellationToken ct)
    {
        var row = RowKeyFor(key);
        var json = JsonSerializer.SerializeToUtf8Bytes(state, StorageJson.Options);
        var entity = new TableEntity(PartitionKeyFor(row), row)
        {
            ["ChannelId"] = key.ChannelId,
            ["ConversationId"] = key.ConversationId.Length <= TableLimits.MaxStringChars ? key.ConversationId : null,
            ["SchemaVersion"] = state.SchemaVersion,
            [LengthProperty] = json.Length,
            [PendingEffectsProperty] = state.Outbox is { Count: > 0 },
        };
        TableLimits.WriteChunked(entity, StateProperty, CompressedJson.Compress(json));
        try
        {
            var write = etag is null
                ? new TableTransactionAction(TableTransactionActionType.Add, entity)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, new ETag(etag));
            var response = (await commits.WriteAsync(table, [write], ct))[0];
            var newETag = response.Headers.ETag?.ToString();
            if (newETag is not null) cache.Set(CacheKey(row), new CachedState(json, newETag), CacheEntry(json));
            return new StateSaveResult(true, newETag);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            cache.Remove(CacheKey(row));
            return StateSaveResult.Conflict;
        }
    }

    private async Task<TableEntity?> ReadAsync(string partition, string row, CancellationToken ct)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: ct);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>A query over every shard, filtered on <c>PendingEffects</c> (a flag kept beside the document for it) and the row's timestamp.</summary>
    public async IAsyncEnumerable<ConversationKey> WithPendingEffectsAsync(DateTimeOffset committedBefore, [EnumeratorCancellation] CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PendingEffects eq {true} and Timestamp le {committedBefore}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["ChannelId", "ConversationId"], cancellationToken: ct))
        {
            if (row.GetString("ChannelId") is { } channel && row.GetString("ConversationId") is { } conversation)
                yield return new ConversationKey(channel, conversation);
        }
    }

    /// <summary>Within Azure's key limit whatever the ids: a channel id encodes to at most 100 characters, the conversation's to 380.</summary>
    internal static string RowKeyFor(ConversationKey key) => TableKeys.Encode(key.ChannelId, 100) + "_" + TableKeys.Encode(key.ConversationId);

    /// <summary>One of <paramref name="shards"/> partitions, from a stable hash of the row key (FNV-1a).</summary>
    internal static string PartitionKeyFor(string rowKey, int shards = Shards)
    {
        var hash = 2166136261u;
        foreach (var c in rowKey) hash = (hash ^ c) * 16777619u;
        return "s" + (hash % (uint)shards).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
    }

    private string CacheKey(string row) => table.Name + "/" + row;

    private static ConversationState Deserialize(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<ConversationState>(json, StorageJson.Options) ?? new ConversationState();

    [LoggerMessage(EventId = 3101, Level = LogLevel.Error, Message = "Conversation state row {RowKey} could not be read ({Error}); kept aside, the conversation starts afresh")]
    private static partial void LogSetAside(ILogger logger, string rowKey, string error);

    /// <summary>The committed document as UTF-8 JSON: each turn deserializes its own copy, so racing turns never share one.</summary>
    private sealed record CachedState(byte[] Json, string ETag);
}
