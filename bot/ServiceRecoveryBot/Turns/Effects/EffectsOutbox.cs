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

    /// <summary>Runs a turn's effects right after its commit (see <see cref="CommittedEffects.RunAsync"/>).</summary>
    public Task RunAsync(ConversationKey key, PendingEffects pending)
    {
        lock (gate) EntriesOf(key)[pending.Id] = new Entry(Progress.Running, clock.GetUtcNow());
        return Start(key, pending, 0);
    }

    /// <summary>
    /// Before a turn: runs the committed effects this process has not run, or whose retries gave up, oldest first, once
    /// they are old enough; returns once they ran or were handed to the retries.
    /// </summary>
    public async Task ReplayAsync(ConversationKey key, IReadOnlyList<PendingEffects>? outbox)
    {
        if (outbox is null) return;
        foreach (var pending in outbox)
        {
            var (claimed, from, replaying) = TryClaim(key, pending);
            if (!claimed)
            {
                if (replaying is not null) await replaying.Task; // another replay of the same list, in this process
                continue;
            }
            LogReplaying(logger, pending.Effects.Count - from, pending.Id);
            try
            {
                await Start(key, pending, from);
            }
            finally
            {
                replaying!.TrySetResult();
            }
        }
    }

    /// <summary>The outbox to commit with a turn: the lists not known to have run, then the turn's own.</summary>
    public List<PendingEffects>? Next(ConversationKey key, IReadOnlyList<PendingEffects>? outbox, PendingEffects? added)
    {
        List<PendingEffects>? next = null;
        lock (gate)
        {
            known.TryGetValue(key, out var entries);
            foreach (var pending in outbox ?? [])
            {
                if (entries is not null && entries.TryGetValue(pending.Id, out var entry) && entry.Progress == Progress.Ran) continue;
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
            foreach (var (id, entry) in entries) // removing while enumerating is allowed for Dictionary
            {
                if (entry.Progress == Progress.Ran && outbox?.Any(p => p.Id == id) != true) entries.Remove(id);
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
                await effects.SettledAsync(key).WaitAsync(ct);
                var stored = await states.LoadAsync(key, ct);
                await ReplayAsync(key, stored?.State.Outbox);
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
                // Storage is down or we are out of time: the lists stay, and a restart runs them again (harmlessly).
                LogClearFailed(logger, ex, due.Count);
                return;
            }
        }
    }

    /// <summary>Runs the list's effects from <paramref name="from"/> on.</summary>
    private Task Start(ConversationKey key, PendingEffects pending, int from) =>
        effects.RunAsync(key, [.. pending.Effects.Skip(from).Select(e => (Func<CancellationToken, Task>)(token => runner.RunAsync(e, token)))], pending.Id,
            ran => Ended(key, pending, from + ran));

    private void Ended(ConversationKey key, PendingEffects pending, int ran)
    {
        var progress = ran >= pending.Effects.Count ? Progress.Ran : Progress.GaveUp;
        lock (gate) EntriesOf(key)[pending.Id] = new Entry(progress, clock.GetUtcNow(), ran);
    }

    /// <summary>
    /// Claims a list for a replay: one this process has not seen and old enough (from its first effect), or one whose
    /// retries gave up (from the effect they gave up on). When it is being replayed already, returns that replay to wait on.
    /// </summary>
    private (bool Claimed, int From, TaskCompletionSource? Replaying) TryClaim(ConversationKey key, PendingEffects pending)
    {
        lock (gate)
        {
            var entries = EntriesOf(key);
            var seen = entries.TryGetValue(pending.Id, out var entry);
            if (seen ? entry.Progress != Progress.GaveUp : pending.CommittedAt > clock.GetUtcNow() - options.Value.ReplayAfter)
            {
                if (entries.Count == 0) known.Remove(key);
                return (false, 0, entry.Progress == Progress.Running ? entry.Replaying : null);
            }
            var replaying = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            entries[pending.Id] = new Entry(Progress.Running, clock.GetUtcNow(), entry.From, replaying);
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

    [LoggerMessage(EventId = 1022, Level = LogLevel.Warning, Message = "Could not drop effects that ran from the state of {Count} conversations; a restart would run them again")]
    private static partial void LogClearFailed(ILogger logger, Exception exception, int count);
}
