using System.Runtime.CompilerServices;
using ServiceRecoveryBot.Insights;
using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Testing;

/// <summary>The in-memory case store's cases, read the way the table archive reads them.</summary>
public sealed class InMemoryCaseArchive(InMemoryCaseStore cases) : ICaseArchive
{
    public async IAsyncEnumerable<RecoveryCase> CasesAsync(string teamKey, DateTimeOffset? openedFrom, DateTimeOffset? openedTo, DateTimeOffset? updatedSince, [EnumeratorCancellation] CancellationToken ct)
    {
        await Task.Yield();
        foreach (var c in cases.All.Where(c => c.TeamKey == teamKey && (openedFrom is null || c.OpenedAt >= openedFrom) && (openedTo is null || c.OpenedAt < openedTo) && (updatedSince is null || c.UpdatedAt >= updatedSince)))
            yield return c;
    }
}
