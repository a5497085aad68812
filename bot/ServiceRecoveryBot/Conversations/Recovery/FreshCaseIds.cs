using System.Collections.Concurrent;
using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Conversations.Recovery;

/// <summary>
/// Hands out case ids that no other case of the team can be given. Each id is reserved in the case store before it is
/// handed out (<see cref="ICaseStore.TryReserveAsync"/>: one write that fails if the id is taken or held), so no two
/// cases share an id, whichever instance of the bot opens them. Opening a case would otherwise wait for that write, so
/// each team keeps ids reserved ahead: a case takes one, and its replacement is reserved in the background. One is
/// enough for a team that opens a case every few seconds; a team that opens many at once keeps up to
/// <see cref="MostAhead"/>. A reservation does not go stale, however long it waits. The few still unused when the bot
/// stops stay reserved: they are not cases, so nothing finds or lists them.
/// </summary>
public sealed class FreshCaseIds(ICaseStore cases, Func<CaseId> draw)
{
    public const int MostAhead = 4;
    private const int MaxTries = 8;

    private readonly ConcurrentDictionary<string, TeamIds> teams = new(StringComparer.Ordinal);

    public FreshCaseIds(ICaseStore cases) : this(cases, CaseId.New)
    {
    }

    public async Task<CaseId> NextAsync(string team, CancellationToken ct)
    {
        var ids = teams.GetOrAdd(team, _ => new TeamIds());
        var id = await ids.Take().WaitAsync(ct) ?? await ReserveAsync(team, ct);
        ids.TopUp(() => ReserveAheadAsync(team));
        return id;
    }

    private async Task<CaseId?> ReserveAheadAsync(string team)
    {
        try
        {
            return await ReserveAsync(team, CancellationToken.None);
        }
        catch (Exception)
        {
            return null; // Storage is unavailable: the case that takes this reserves its id itself (and fails visibly).
        }
    }

    /// <summary>Draws codes until the store reserves one for the team.</summary>
    private async Task<CaseId> ReserveAsync(string team, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxTries; attempt++)
        {
            var id = draw();
            if (await cases.TryReserveAsync(team, id, ct)) return id;
        }
        throw new InvalidOperationException($"Could not reserve a free case id after {MaxTries} tries.");
    }

    /// <summary>One team's reservations under way or done, oldest first; each gives its id, or null if it failed.</summary>
    private sealed class TeamIds
    {
        private readonly Lock gate = new();
        private readonly Queue<Task<CaseId?>> ahead = new();

        /// <summary>
        /// Starts one more reservation ahead unless <see cref="MostAhead"/> are already under way or done. The check and
        /// the queueing are one step, so cases opening at the same moment never start more than that; the reservation
        /// itself starts after the lock is released.
        /// </summary>
        public void TopUp(Func<Task<CaseId?>> reserve)
        {
            Task<Task<CaseId?>> reservation;
            lock (gate)
            {
                if (ahead.Count >= MostAhead) return;
                reservation = new Task<Task<CaseId?>>(reserve);
                ahead.Enqueue(reservation.Unwrap());
            }
            reservation.RunSynchronously(TaskScheduler.Default);
        }

        public Task<CaseId?> Take()
        {
            lock (gate) return ahead.TryDequeue(out var next) ? next : Task.FromResult<CaseId?>(null);
        }
    }
}
