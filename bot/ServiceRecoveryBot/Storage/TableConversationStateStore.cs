using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Caching.Memory;
using ServiceRecoveryBot.Conversations.State;

namespace ServiceRecoveryBot.Storage;

/// <summary>
/// Conversation state in the DialogState table: PartitionKey = channel + encoded conversation id, and the RowKey repeats
/// it. A constant RowKey would do for Azure, but Azurite looks rows up by RowKey first, so a constant one makes every
/// state read and write scan the rows of all conversations.
/// The document is Brotli-compressed JSON in binary properties (<c>State0</c>…, with <c>StateLength</c>), under half
/// the size of the same JSON in a string property; it is internal to the bot, so nothing else needs to read it.
/// Point reads and conditional writes only (Add for the first write, Replace with the ETag after that).
/// The last committed document and its ETag are kept in memory, so a turn usually skips the read; a stale copy (another
/// instance wrote since) fails its conditional write with 412, is dropped, and the turn re-runs on a fresh read.
/// </summary>
public sealed class TableConversationStateStore(TableServiceClient service, TableNames names, IMemoryCache cache) : IConversationStateStore
{
    private const string StateProperty = "State";
    private const string LengthProperty = "StateLength";
    private static readonly MemoryCacheEntryOptions CacheEntry = new() { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(20) };

    private readonly TableClient table = service.GetTableClient(names.DialogState);

    public async Task<StoredConversationState?> LoadAsync(ConversationKey key, CancellationToken ct)
    {
        var partition = PartitionKeyFor(key);
        if (cache.TryGetValue<CachedState>(CacheKey(partition), out var cached) && cached is not null)
            return new StoredConversationState(Deserialize(cached.Json), cached.ETag);

        var response = await table.GetEntityIfExistsAsync<TableEntity>(partition, partition, cancellationToken: ct);
        if (!response.HasValue || response.Value is not { } entity) return null;
        var json = CompressedJson.Decompress(TableLimits.ReadChunkedBytes(entity, StateProperty), entity.GetInt32(LengthProperty) ?? 0);
        return new StoredConversationState(Deserialize(json), entity.ETag.ToString());
    }

    public async Task<StateSaveResult> TrySaveAsync(ConversationKey key, ConversationState state, string? etag, CancellationToken ct)
    {
        var partition = PartitionKeyFor(key);
        var json = JsonSerializer.SerializeToUtf8Bytes(state, StorageJson.Options);
        var entity = new TableEntity(partition, partition)
        {
            ["ChannelId"] = key.ChannelId,
            ["ConversationId"] = key.ConversationId.Length <= TableLimits.MaxStringChars ? key.ConversationId : null,
            ["SchemaVersion"] = state.SchemaVersion,
            [LengthProperty] = json.Length,
        };
        TableLimits.WriteChunked(entity, StateProperty, CompressedJson.Compress(json));
        TableLimits.EnsureValidEntity(entity);
        try
        {
            var response = etag is null
                ? await table.AddEntityAsync(entity, ct)
                : await table.UpdateEntityAsync(entity, new ETag(etag), TableUpdateMode.Replace, ct);
            var newETag = response.Headers.ETag?.ToString();
            if (newETag is not null) cache.Set(CacheKey(partition), new CachedState(json, newETag), CacheEntry);
            return new StateSaveResult(true, newETag);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            cache.Remove(CacheKey(partition));
            return StateSaveResult.Conflict;
        }
    }

    internal static string PartitionKeyFor(ConversationKey key) => TableKeys.Encode(key.ChannelId) + "_" + TableKeys.Encode(key.ConversationId);

    private string CacheKey(string partition) => table.Name + "/" + partition;

    private static ConversationState Deserialize(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<ConversationState>(json, StorageJson.Options) ?? new ConversationState();

    /// <summary>The committed document as UTF-8 JSON: each turn deserializes its own copy, so racing turns never share one.</summary>
    private sealed record CachedState(byte[] Json, string ETag);
}
