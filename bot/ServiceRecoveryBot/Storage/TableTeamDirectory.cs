using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using ServiceRecoveryBot.Conversations.Managers;
using ServiceRecoveryBot.Turns.References;

namespace ServiceRecoveryBot.Storage;

/// <summary>
/// Teams table: PartitionKey = encoded team key; RowKey "channel" holds the managers' channel reference, RowKey
/// "m|{encoded user id}" one row per recorded manager. A single "index" partition lists the teams with a channel.
/// </summary>
public sealed class TableTeamDirectory(TableServiceClient service, TableNames names, IOptions<ManagerOptions> options) : ITeamDirectory
{
    private const string ChannelRow = "channel";
    private const string IndexPartition = "index";
    private readonly TableClient table = service.GetTableClient(names.Teams);

    public async Task SetManagerChannelAsync(StoredReference channel, string setBy, CancellationToken ct)
    {
        var row = new TableEntity(TableKeys.Encode(channel.TeamKey), ChannelRow)
        {
            ["Json"] = JsonSerializer.Serialize(channel, StorageJson.Options),
            ["SetBy"] = setBy,
        };
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, ct);
        await table.UpsertEntityAsync(new TableEntity(IndexPartition, TableKeys.Encode(channel.TeamKey)) { ["TeamKey"] = channel.TeamKey }, TableUpdateMode.Replace, ct);
    }

    public async Task<StoredReference?> ManagerChannelAsync(string teamKey, CancellationToken ct)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(teamKey), ChannelRow, cancellationToken: ct);
        return row.HasValue && row.Value is { } entity ? JsonSerializer.Deserialize<StoredReference>(entity.GetString("Json"), StorageJson.Options) : null;
    }

    public async Task<IReadOnlyList<string>> TeamsWithChannelsAsync(CancellationToken ct)
    {
        var teams = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {IndexPartition}"), cancellationToken: ct))
            teams.Add(row.GetString("TeamKey"));
        return teams;
    }

    public async Task AddManagerAsync(string teamKey, string userId, string addedBy, CancellationToken ct) =>
        await table.UpsertEntityAsync(new TableEntity(TableKeys.Encode(teamKey), "m|" + TableKeys.Encode(userId))
        {
            ["UserId"] = userId,
            ["AddedBy"] = addedBy,
        }, TableUpdateMode.Replace, ct);

    public async Task<IReadOnlyList<string>> ManagersAsync(string teamKey, CancellationToken ct)
    {
        var ids = new List<string>(options.Value.ConfiguredFor(teamKey));
        var partition = TableKeys.Encode(teamKey);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {"m|"} and RowKey lt {"m}"}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            if (row.GetString("UserId") is { Length: > 0 } id) ids.Add(id);
        return [.. ids.Distinct(StringComparer.Ordinal)];
    }

    public async Task<bool> IsManagerAsync(string teamKey, IEnumerable<string> userIds, CancellationToken ct)
    {
        var ids = userIds.Where(id => !string.IsNullOrEmpty(id)).Distinct(StringComparer.Ordinal).ToList();
        if (options.Value.ConfiguredFor(teamKey).Intersect(ids, StringComparer.Ordinal).Any()) return true;
        foreach (var id in ids)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(teamKey), "m|" + TableKeys.Encode(id), cancellationToken: ct);
            if (row.HasValue) return true;
        }
        return false;
    }
}
