using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceRecoveryBot.Turns.State;

namespace ServiceRecoveryBot.Turns.Effects;

/// <summary>
/// Makes committed effects survive a crash: replays the lists no one is known to have run (on the next activity and on
/// a sweep), and drops the ones that ran from the state. Replay rules: docs/ARCHITECTURE.md.
/// </summary>
public sealed partial class EffectsOutbox(
    CommittedEffects effects,
    EffectRunner runner,
    IConversationStateStore states,
    TimeProvider clock,
    IOptions<EffectsOptions> options,
    ILogger<EffectsOutbox> logger) : BackgroundService
{
    private enum Progress
    {
        Running,
        Ran,
        GaveUp,
    }

    /// <summary>
    /// How a list stands: <see cref="From"/> is the first effect not run when its retries gave up (a replay goes on from
    /// there, so what ran is not repeated), and <see cref="Replaying"/> is set while this process replays it, for others
    /// to wait on.
    /// </summary>
    private readonly record struct Entry(Progress Progress, DateTimeOffset Since, int From = 0, TaskCompletionSource? Replaying = null);

    private readonly Lock gate = new();
    private readonly Dictionary<ConversationKey, Dictionary<string, Entry>> known = [];

    /// <summary>Runs a turn's replies and effects side by side right after its commit (<see cref="CommittedEffects.RunAsync"/>).</summary>
    public Task RunAsync(ConversationKey key, PendingEffects pending)
    {
        var lanes = LanesOf(pending).ToList();
        lock (gate)
        {
            foreach (var lane in lanes) EntriesOf(key)[LaneId(pending, lane)] = new Entry(Progress.Running, clock.GetUtcNow());
        }
        return Task.WhenAll(lanes.Select(lane => Start(key, pending, lane, 0)).ToList());
    }

    /// <summary>
    /// Before a turn: runs the committed replies and effects this process has not run, or whose retries gave up, oldest
    /// first, once they are old enough; returns once they ran or were handed to the retries.
    /// </summary>
    public async Task ReplayAsync(ConversationKey key, IReadOnlyList<PendingEffects>? outbox)
    {
        if (outbox is null) return;
        foreach (var pending in outbox)
        {
            foreach (var lane in LanesOf(pending))
            {
                var (claimed, from, replaying) = TryClaim(key, pending, lane);
                if (!claimed)
                {
                    if (replaying is not null) await replaying.Task; // another replay of the same list, in this process
                    continue;
                }
                LogReplaying(logger, CountOf(pending, lane) - from, LaneId(pending, lane));
                try
                {
                    await Start(key, pending, lane, from);
                }
                finally
                {
                    replaying!.TrySetResult();
                }
            }
        }
    }

    /// <summary>
    /// After a redelivery: the retries of the activity's replies waiting for their next attempt make it now (the channel
    /// is sending again, so it is likely back); returns once that attempt ended.
    /// </summary>
    public Task RetryRepliesNowAsync(ConversationKey key, string? activityId) =>
        activityId is null ? Task.CompletedTask : effects.RetryNowAsync(key, RepliesId(activityId));

    /// <summary>The outbox to commit with a turn: the turns not known to have run all their lanes, then the turn's own.</summary>
    public List<PendingEffects>? Next(ConversationKey key, IReadOnlyList<PendingEffects>? outbox, PendingEffects? added)
    {
        List<PendingEffects>? next = null;
        lock (gate)
        {
            known.TryGetValue(key, out var entries);
            foreach (var pending in outbox ?? [])
            {
                bool Ran(Lane lane) =>
                    entries is not null && entries.TryGetValue(LaneId(pending, lane), out var entry) && entry.Progress == Progress.Ran;
                if (LanesOf(pending).All(Ran)) continue;
                (next ??= []).Add(pending);
            }
        }
        if (added is not null) (next ??= []).Add(added);
        return next;
    }

    /// <summary>After a commit: what ran and is no longer in the state needs no remembering.</summary>
    public void Committed(ConversationKey key, IReadOnlyList<PendingEffects>? outbox)
    {
        lock (gate)
        {
            if (!known.TryGetValue(key, out var entries)) return;
            var stored = (outbox ?? []).SelectMany(p => LanesOf(p).Select(lane => LaneId(p, lane))).ToHashSet(StringComparer.Ordinal);
            foreach (var (id, entry) in entries) // removing while enumerating is allowed for Dictionary
            {
                if (entry.Progress == Progress.Ran && !stored.Contains(id)) entries.Remove(id);
            }
            if (entries.Count == 0) known.Remove(key);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var nextSweep = clock.GetUtcNow();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (clock.GetUtcNow() >= nextSweep)
                {
                    await SweepAsync(stoppingToken);
                    nextSweep = clock.GetUtcNow() + settings.SweepEvery;
                }
                await Task.Delay(settings.ClearAfter, clock, stoppingToken);
                await ClearRanAsync(clock.GetUtcNow() - settings.ClearAfter, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync clears what ran.
        }
    }

    /// <summary>At shutdown, what ran is dropped from the conversations' state, so the next start replays nothing that ran.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await ClearRanAsync(DateTimeOffset.MaxValue, cancellationToken);
    }

    /// <summary>Runs the effects no message has run, of conversations committed at least <see cref="EffectsOptions.ReplayAfter"/> ago.</summary>
    internal async Task SweepAsync(CancellationToken ct)
    {
        var found = 0;
        try
        {
            await foreach (var key in states.WithPendingEffectsAsync(clock.GetUtcNow() - options.Value.ReplayAfter, ct))
            {
                found++;
                try
                {
                    await effects.SettledAsync(key).WaitAsync(ct);
                    var stored = await states.LoadAsync(key, ct);
                    await ReplayAsync(key, stored?.State.Outbox);
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    // One conversation's row or list: the others still get theirs.
                    LogSweepSkipped(logger, ex, key.ChannelId);
                }
            }
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            LogSweepFailed(logger, ex, found);
        }
    }

    /// <summary>Drops the lists that ran before <paramref name="ranBefore"/> from their conversations' state, with a write of their own.</summary>
    internal async Task ClearRanAsync(DateTimeOffset ranBefore, CancellationToken ct)
    {
        List<ConversationKey> due;
        lock (gate) due = [.. known.Where(k => k.Value.Values.Any(e => e.Progress == Progress.Ran && e.Since <= ranBefore)).Select(k => k.Key)];
        var failed = 0;
        Exception? failure = null;
        foreach (var key in due)
        {
            try
            {
                var stored = await states.LoadAsync(key, ct);
                var kept = Next(key, stored?.State.Outbox, null);
                if (stored is not null && kept?.Count != stored.State.Outbox?.Count)
                {
                    stored.State.Outbox = kept;
                    if (!(await states.TrySaveAsync(key, stored.State, stored.ETag, ct)).Saved) continue; // a turn won; it drops them itself
                }
                Committed(key, kept);
            }
            catch (Exception ex)
            {
                // Storage is down, the row is bad or we are out of time: its lists stay, and a restart runs them again
                // (harmlessly); the other conversations are still cleared.
                failed++;
                failure ??= ex;
                if (ct.IsCancellationRequested) break;
            }
        }
        if (failure is not null) LogClearFailed(logger, failure, failed);
    }

    /// <summary>A committed turn's two lanes: its replies and its effects, each run in order and retried on its own.</summary>
    private enum Lane
    {
        Replies,
        Effects,
    }

    private static IEnumerable<Lane> LanesOf(PendingEffects pending)
    {
        if (pending.Replies is { Count: > 0 }) yield return Lane.Replies;
        if (pending.Effects is { Count: > 0 }) yield return Lane.Effects;
    }

    /// <summary>The effects lane goes by the turn's id (as in documents from before replies were committed), the replies' by its own.</summary>
    private static string LaneId(PendingEffects pending, Lane lane) => lane == Lane.Replies ? RepliesId(pending.Id) : pending.Id;

    private static string RepliesId(string activityId) => activityId + "#replies";

    private static int CountOf(PendingEffects pending, Lane lane) => lane == Lane.Replies ? pending.Replies!.Count : pending.Effects.Count;

    /// <summary>Runs the lane's replies or effects from <paramref name="from"/> on.</summary>
    private Task Start(ConversationKey key, PendingEffects pending, Lane lane, int from)
    {
        var id = LaneId(pending, lane);
        IReadOnlyList<Func<CancellationToken, Task>> work = lane == Lane.Replies
            ? [.. pending.Replies!.Skip(from).Select(r => (Func<CancellationToken, Task>)(token => runner.SendAsync(r, token)))]
            : [.. pending.Effects.Skip(from).Select(e => (Func<CancellationToken, Task>)(token => runner.RunAsync(e, token)))];
        return effects.RunAsync(key, work, id, ran => Ended(key, id, CountOf(pending, lane), from + ran));
    }

    private void Ended(ConversationKey key, string id, int count, int ran)
    {
        var progress = ran >= count ? Progress.Ran : Progress.GaveUp;
        lock (gate) EntriesOf(key)[id] = new Entry(progress, clock.GetUtcNow(), ran);
    }

    /// <summary>
    /// Claims a lane for a replay: one this process has not seen and old enough (from its first item), or one whose
    /// retries gave up (from the item they gave up on). When it is being replayed already, returns that replay to wait on.
    /// </summary>
    private (bool Claimed, int From, TaskCompletionSource? Replaying) TryClaim(ConversationKey key, PendingEffects pending, Lane lane)
    {
        lock (gate)
        {
            var entries = EntriesOf(key);
            var id = LaneId(pending, lane);
            var seen = entries.TryGetValue(id, out var entry);
            if (seen ? entry.Progress != Progress.GaveUp : pending.CommittedAt > clock.GetUtcNow() - options.Value.ReplayAfter)
            {
                if (entries.Count == 0) known.Remove(key);
                return (false, 0, entry.Progress == Progress.Running ? entry.Replaying : null);
            }
            var replaying = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            entries[id] = new Entry(Progress.Running, clock.GetUtcNow(), entry.From, replaying);
            return (true, entry.From, replaying);
        }
    }

    private Dictionary<string, Entry> EntriesOf(ConversationKey key)
    {
        if (!known.TryGetValue(key, out var entries)) known[key] = entries = [];
        return entries;
    }

    [LoggerMessage(EventId = 1020, Level = LogLevel.Warning, Message = "Running again {Count} committed effects of activity {ActivityId}, which this process did not see run")]
    private static partial void LogReplaying(ILogger logger, int count, string activityId);

    [LoggerMessage(EventId = 1021, Level = LogLevel.Warning, Message = "The sweep for effects left to run failed after {Found} conversations; the next sweep tries again")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception, int found);

    [LoggerMessage(EventId = 1023, Level = LogLevel.Warning,
        Message = "The sweep could not replay the effects of one {ChannelId} conversation; it goes on with the others")]
    private static partial void LogSweepSkipped(ILogger logger, Exception exception, string channelId);

    [LoggerMessage(EventId = 1022, Level = LogLevel.Warning, Message = "Could not drop effects that ran from the state of {Count} conversations; a restart would run them again")]
    private static partial void LogClearFailed(ILogger logger, Exception exception, int count);
}
