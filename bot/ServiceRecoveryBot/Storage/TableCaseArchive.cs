using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure.Data.Tables;
using ServiceRecoveryBot.Insights;
using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Storage;

/// <summary>
/// Reads a team's whole cases from the Cases table (the <c>i|</c> rows of its partition, filtered on their OpenedUtc and
/// UpdatedUtc), page by page: for rebuilds, reconciles and exports, not for chat turns.
/// </summary>
public sealed class TableCaseArchive(TableServiceClient service, TableNames names) : ICaseArchive
{
    private readonly TableClient table = service.GetTableClient(names.Cases);

    public async IAsyncEnumerable<RecoveryCase> CasesAsync(
        string teamKey, DateTimeOffset? openedFrom, DateTimeOffset? openedTo, DateTimeOffset? updatedSince, [EnumeratorCancellation] CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableCaseStore.PartitionKeyFor(teamKey)} and RowKey ge {"i|"} and RowKey lt {"i}"}");
        if (openedFrom is { } from) filter += " and " + TableClient.CreateQueryFilter($"OpenedUtc ge {from}");
        if (openedTo is { } to) filter += " and " + TableClient.CreateQueryFilter($"OpenedUtc lt {to}");
        if (updatedSince is { } since) filter += " and " + TableClient.CreateQueryFilter($"UpdatedUtc ge {since}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: ct))
        {
            if (row.GetString("Status") == "Reserved") continue;
            if (JsonSerializer.Deserialize<RecoveryCase>(TableLimits.ReadChunked(row, "Json"), StorageJson.Options) is { } c) yield return c;
        }
    }
}
