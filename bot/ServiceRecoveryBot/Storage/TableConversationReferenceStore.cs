using System.Text.Json;
using Azure.Data.Tables;
using ServiceRecoveryBot.Turns.References;

namespace ServiceRecoveryBot.Storage;

/// <summary>ConversationRefs table: PartitionKey = encoded team key, RowKey = encoded conversation id; the reference as JSON.</summary>
public sealed class TableConversationReferenceStore(TableServiceClient service, TableNames names) : IConversationReferenceStore
{
    private readonly TableClient table = service.GetTableClient(names.ConversationRefs);

    public async Task UpsertAsync(StoredReference reference, CancellationToken ct)
    {
        var entity = new TableEntity(TableKeys.Encode(reference.TeamKey), TableKeys.Encode(reference.ConversationId))
        {
            ["Kind"] = reference.Kind.ToString(),
            ["Json"] = JsonSerializer.Serialize(reference, StorageJson.Options),
            ["UpdatedUtc"] = reference.UpdatedAt,
        };
        TableLimits.EnsureValidEntity(entity);
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct);
    }

    public async Task RemoveAsync(string teamKey, string conversationId, CancellationToken ct) =>
        await table.DeleteEntityAsync(TableKeys.Encode(teamKey), TableKeys.Encode(conversationId), cancellationToken: ct);

    public async Task<IReadOnlyList<StoredReference>> ListAsync(string teamKey, CancellationToken ct)
    {
        var results = new List<StoredReference>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(teamKey)}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            if (JsonSerializer.Deserialize<StoredReference>(row.GetString("Json"), StorageJson.Options) is { } reference) results.Add(reference);
        }
        return results;
    }
}
