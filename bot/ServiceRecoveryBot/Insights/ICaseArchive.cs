using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Insights;

/// <summary>Every stored case of a team, read in bulk: for rebuilding the figures, reconciling recent saves and exports. Never on a chat turn's hot path.</summary>
public interface ICaseArchive
{
    /// <summary>The team's cases opened in [openedFrom, openedTo) (either bound optional), or updated at or after <paramref name="updatedSince"/>.</summary>
    IAsyncEnumerable<RecoveryCase> CasesAsync(string teamKey, DateTimeOffset? openedFrom, DateTimeOffset? openedTo, DateTimeOffset? updatedSince, CancellationToken ct);
}
