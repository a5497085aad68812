using System.Collections.Concurrent;
using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Conversations.Recovery;

/// <summary>
/// Hands out case ids that no case of the team has yet. Checking an id costs a storage read, which opening a case would
/// otherwise wait for, so each team keeps ids checked ahead: a case takes one, and its replacement is checked in the
/// background. One is enough for a team that opens a case every few seconds; a team that opens many at once keeps up to
/// <see cref="MostAhead"/>. An id checked more than <see cref="FreshFor"/> ago is checked again, so the gap between the
/// check and the case's creation stays short (another instance of the bot could take the id meanwhile), and an id is
/// never handed out twice by this instance.
/// </summary>
public sealed class FreshCaseIds(ICaseStore cases, TimeProvider clock, Func<CaseId> draw)
{
    public const int MostAhead = 4;
    public static readonly TimeSpan FreshFor = TimeSpan.FromMinutes(5);
    private const int MaxTries = 8;

    private readonly ConcurrentDictionary<string, TeamIds> teams = new(StringComparer.Ordinal);

    public FreshCaseIds(ICaseStore cases, TimeProvider clock) : this(cases, clock, CaseId.New)
    {
    }

    public async Task<CaseId> NextAsync(string team, CancellationToken ct)
    {
        var ids = teams.GetOrAdd(team, _ => new TeamIds());
        var now = clock.GetUtcNow();
        var id = await ids.TakeFresh(now - FreshFor).WaitAsync(ct) ?? await FindFreeAsync(team, ids, ct);
        if (ids.WantsMore) ids.Add(CheckAheadAsync(team, ids), now);
        return id;
    }

    private async Task<CaseId?> CheckAheadAsync(string team, TeamIds ids)
    {
        try
        {
            return await FindFreeAsync(team, ids, CancellationToken.None);
        }
        catch (Exception)
        {
            return null; // Storage is unavailable: the case that takes this checks its id itself (and fails visibly).
        }
    }

    /// <summary>Draws codes until one is unused in the team and not reserved here, and reserves it.</summary>
    private async Task<CaseId> FindFreeAsync(string team, TeamIds ids, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxTries; attempt++)
        {
            var id = draw();
            if (ids.IsReserved(id) || await cases.FindAsync(team, id, ct) is not null) continue;
            if (ids.TryReserve(id)) return id;
        }
        throw new InvalidOperationException($"Could not find a free case id after {MaxTries} tries.");
    }

    /// <summary>One team's ids checked ahead, and the last ids reserved (checked or handed out; their cases may not be stored yet).</summary>
    private sealed class TeamIds
    {
        private const int Remembered = 64;

        private readonly Lock gate = new();
        private readonly Queue<(Task<CaseId?> Check, DateTimeOffset Started)> ahead = new();
        private readonly Queue<CaseId> reserved = new();

        public bool WantsMore
        {
            get { lock (gate) return ahead.Count < MostAhead; }
        }

        public void Add(Task<CaseId?> check, DateTimeOffset started)
        {
            lock (gate) ahead.Enqueue((check, started));
        }

        /// <summary>The oldest check started at or after <paramref name="notBefore"/> (older ones are dropped), or null.</summary>
        public Task<CaseId?> TakeFresh(DateTimeOffset notBefore)
        {
            lock (gate)
            {
                while (ahead.TryDequeue(out var next))
                    if (next.Started >= notBefore) return next.Check;
            }
            return Task.FromResult<CaseId?>(null);
        }

        public bool IsReserved(CaseId id)
        {
            lock (gate) return reserved.Contains(id);
        }

        /// <summary>Reserves the id; false if it already was.</summary>
        public bool TryReserve(CaseId id)
        {
            lock (gate)
            {
                if (reserved.Contains(id)) return false;
                reserved.Enqueue(id);
                if (reserved.Count > Remembered) reserved.Dequeue();
                return true;
            }
        }
    }
}
