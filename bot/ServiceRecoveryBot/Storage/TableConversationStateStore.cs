using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using ServiceRecoveryBot.Conversations.State;

namespace ServiceRecoveryBot.Storage;

/// <summary>
/// Conversation state in the DialogState table: PartitionKey = channel + encoded conversation id, RowKey "state".
/// Point reads and conditional writes only (Add for the first write, Replace with the ETag after that).
/// </summary>
public sealed class TableConversationStateStore(TableServiceClient service, TableNames names) : IConversationStateStore
{
    private const string RowKey = "state";
    private const string JsonProperty = "Json";

    private readonly TableClient table = service.GetTableClient(names.DialogState);

    public async Task<StoredConversationState?> LoadAsync(ConversationKey key, CancellationToken ct)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(PartitionKeyFor(key), RowKey, cancellationToken: ct);
        if (!response.HasValue || response.Value is not { } entity) return null;
        var state = JsonSerializer.Deserialize<ConversationState>(TableLimits.ReadChunked(entity, JsonProperty), StorageJson.Options) ?? new ConversationState();
        return new StoredConversationState(state, entity.ETag.ToString());
    }

    public async Task<StateSaveResult> TrySaveAsync(ConversationKey key, ConversationState state, string? etag, CancellationToken ct)
    {
        var entity = new TableEntity(PartitionKeyFor(key), RowKey)
        {
            ["ChannelId"] = key.ChannelId,
            ["ConversationId"] = key.ConversationId.Length <= TableLimits.MaxStringChars ? key.ConversationId : null,
            ["SchemaVersion"] = state.SchemaVersion,
        };
        TableLimits.WriteChunked(entity, JsonProperty, JsonSerializer.Serialize(state, StorageJson.Options));
        TableLimits.EnsureValidEntity(entity);
        try
        {
            var response = etag is null
                ? await table.AddEntityAsync(entity, ct)
                : await table.UpdateEntityAsync(entity, new ETag(etag), TableUpdateMode.Replace, ct);
            return new StateSaveResult(true, response.Headers.ETag?.ToString());
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            return StateSaveResult.Conflict;
        }
    }

    internal static string PartitionKeyFor(ConversationKey key) => TableKeys.Encode(key.ChannelId) + "_" + TableKeys.Encode(key.ConversationId);
}
