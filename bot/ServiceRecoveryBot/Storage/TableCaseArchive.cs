using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using ServiceRecoveryBot.Insights;
using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Storage;

/// <summary>
/// Reads a team's whole cases from the Cases table (the <c>i|</c> rows of its partition, filtered on their OpenedUtc and
/// UpdatedUtc), page by page, read as the case store reads them (unreadable rows skipped): for rebuilds, reconciles and
/// exports, not for chat turns.
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
            RecoveryCase? c;
            try
            {
                c = TableCaseStore.CaseOf(row);
            }
            catch (Exception ex) when (TableCaseStore.IsUnreadable(ex))
            {
                continue; // The case store sets such rows aside and logs them when they are read one by one.
            }
            if (c is not null) yield return c;
        }
    }
}
