using System.Collections.Concurrent;
using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Conversations.Recovery;

/// <summary>
/// Hands out case ids that no case of the team has yet. Checking an id costs a storage read, which opening a case would
/// otherwise wait for, so each team keeps ids checked ahead: a case takes one, and its replacement is checked in the
/// background. One is enough for a team that opens a case every few seconds; a team that opens many at once keeps up to
/// <see cref="MostAhead"/>. The check and the case's creation are apart in time either way; with 810,000 codes per team,
/// a clash in between is very unlikely.
/// </summary>
public sealed class FreshCaseIds(ICaseStore cases)
{
    public const int MostAhead = 4;
    private const int MaxTries = 8;

    private readonly ConcurrentDictionary<string, ConcurrentQueue<Task<CaseId?>>> checkedAhead = new(StringComparer.Ordinal);

    public async Task<CaseId> NextAsync(string team, CancellationToken ct)
    {
        var ahead = checkedAhead.GetOrAdd(team, _ => new());
        var readied = ahead.TryDequeue(out var next) ? await next.WaitAsync(ct) : null;
        var id = readied ?? await CheckAsync(team, ct);
        if (ahead.Count < MostAhead) ahead.Enqueue(CheckAheadAsync(team));
        return id;
    }

    private async Task<CaseId?> CheckAheadAsync(string team)
    {
        try
        {
            return await CheckAsync(team, CancellationToken.None);
        }
        catch (Exception)
        {
            return null; // Storage is unavailable: the case that takes this checks its id itself (and fails visibly).
        }
    }

    private async Task<CaseId> CheckAsync(string team, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxTries; attempt++)
        {
            var id = CaseId.New();
            if (await cases.FindAsync(team, id, ct) is null) return id;
        }
        throw new InvalidOperationException($"Could not find a free case id after {MaxTries} tries.");
    }
}
