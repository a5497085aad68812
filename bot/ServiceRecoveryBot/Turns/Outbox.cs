using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceRecoveryBot.Conversations.Managers;
using ServiceRecoveryBot.Operations;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Reminders;
using ServiceRecoveryBot.Turns.Effects;
using ServiceRecoveryBot.Turns.References;
using ServiceRecoveryBot.Turns.State;

namespace ServiceRecoveryBot.Turns;

/// <summary>
/// The one outbox: records a turn's replies and effects in its state document, runs them after the commit, retries them,
/// replays what a crash or an outage cut short and sweeps the state table for it. The document is the only truth; this
/// process remembers only how the lanes it ran ended. States and rules: docs/ARCHITECTURE.md.
/// </summary>
public sealed partial class Outbox(
    IConversationStateStore states,
    IChannelClient channel,
    ICaseStore cases,
    CaseFollowThrough followThrough,
    IConversationReferenceStore references,
    ITeamDirectory teams,
    ManagerChannelNotifier notifier,
    BotTelemetry telemetry,
    TimeProvider clock,
    IOptions<EffectsOptions> options,
    ILogger<Outbox> logger) : BackgroundService
{
    internal static readonly TimeSpan[] RetryDelays =
        [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2)];

    /// <summary>A committed turn's two lanes: its replies and its effects, each run in order and retried on its own.</summary>
    private enum Lane
    {
        Replies,
        Effects,
    }

    /// <summary>How a lane stands in this process: running (or waiting for a retry), ran, or given up on by its retries.</summary>
    private enum Progress
    {
        Running,
        Ran,
        GaveUp,
    }

    /// <summary>
    /// A lane's progress: <see cref="From"/> is the first item not run when its retries gave up (a replay goes on from there,
    /// so what ran is not repeated); <see cref="Replaying"/> is set while this process replays it, for others to wait on.
    /// </summary>
    private readonly record struct Entry(Progress Progress, DateTimeOffset Since, int From = 0, TaskCompletionSource? Replaying = null);

    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<ConversationKey, Task> running = new();
    private readonly ConcurrentDictionary<(ConversationKey, string), Wait> waiting = new();
    private readonly Lock gate = new();
    private readonly Dictionary<ConversationKey, Dictionary<string, Entry>> known = [];

    /// <summary>What a turn commits: its effects (<c>turn.Effects</c>) and replies under its activity id; null for neither.</summary>
    public static CommittedTurn? Record(TurnContext turn)
    {
        var replies = turn.TakeReplies();
        var effects = turn.Effects;
        if (effects.Count == 0 && replies.Count == 0) return null;
        return new CommittedTurn(turn.Activity.Id ?? Guid.NewGuid().ToString("N"), turn.ReceivedAt, [.. effects])
        {
            Replies = replies.Count == 0 ? null : [.. replies.Select(r => new CommittedReply(turn.Activity.ServiceUrl ?? "", r))],
        };
    }

    /// <summary>The outbox to commit with a turn: the turns not known to have run all their lanes, then the turn's own.</summary>
    public List<CommittedTurn>? Next(ConversationKey key, IReadOnlyList<CommittedTurn>? outbox, CommittedTurn? added)
    {
        List<CommittedTurn>? next = null;
        lock (gate)
        {
            known.TryGetValue(key, out var entries);
            foreach (var committed in outbox ?? [])
            {
                bool Ran(Lane lane) =>
                    entries is not null && entries.TryGetValue(LaneId(committed, lane), out var entry) && entry.Progress == Progress.Ran;
                if (LanesOf(committed).All(Ran)) continue;
                (next ??= []).Add(committed);
            }
        }
        if (added is not null) (next ??= []).Add(added);
        return next;
    }

    /// <summary>After a commit: what ran and is no longer in the state needs no remembering.</summary>
    public void Committed(ConversationKey key, IReadOnlyList<CommittedTurn>? outbox)
    {
        lock (gate)
        {
            if (!known.TryGetValue(key, out var entries)) return;
            var stored = (outbox ?? []).SelectMany(c => LanesOf(c).Select(lane => LaneId(c, lane))).ToHashSet(StringComparer.Ordinal);
            foreach (var (id, entry) in entries) // removing while enumerating is allowed for Dictionary
            {
                if (entry.Progress == Progress.Ran && !stored.Contains(id)) entries.Remove(id);
            }
            if (entries.Count == 0) known.Remove(key);
        }
    }

    /// <summary>
    /// Runs a turn's replies and effects side by side right after its commit; ends once both ran, or once what is left
    /// of them is handed to the retries. Until then the conversation is not <see cref="SettledAsync">settled</see>.
    /// </summary>
    public Task RunAsync(ConversationKey key, CommittedTurn committed)
    {
        var lanes = LanesOf(committed).ToList();
        lock (gate)
        {
            foreach (var lane in lanes) EntriesOf(key)[LaneId(committed, lane)] = new Entry(Progress.Running, clock.GetUtcNow());
        }
        return Task.WhenAll(lanes.Select(lane => Start(key, committed, lane, 0)).ToList());
    }

    /// <summary>
    /// Before a turn: runs the committed lanes this process has not run, or whose retries gave up, oldest first, once
    /// they are old enough; returns once they ran or were handed to the retries.
    /// </summary>
    public async Task ReplayAsync(ConversationKey key, IReadOnlyList<CommittedTurn>? outbox)
    {
        if (outbox is null) return;
        foreach (var committed in outbox)
        {
            foreach (var lane in LanesOf(committed))
            {
                var (claimed, from, replaying) = TryClaim(key, committed, lane);
                if (!claimed)
                {
                    if (replaying is not null) await replaying.Task; // another replay of the same lane, in this process
                    continue;
                }
                LogReplaying(logger, CountOf(committed, lane) - from, LaneId(committed, lane));
                try
                {
                    await Start(key, committed, lane, from);
                }
                finally
                {
                    replaying!.TrySetResult();
                }
            }
        }
    }

    /// <summary>Completes (never faults) once the lanes of the conversation's last turn ran or went to the retries.</summary>
    public Task SettledAsync(ConversationKey conversation) =>
        running.TryGetValue(conversation, out var run) ? run.ContinueWith(_ => { }, TaskScheduler.Default) : Task.CompletedTask;

    /// <summary>
    /// After a redelivery: the retries of the activity's replies waiting for their next attempt make it now (the channel
    /// is sending again, so it is likely back); returns once that attempt ended.
    /// </summary>
    public Task RetryRepliesNowAsync(ConversationKey key, string? activityId) =>
        activityId is not null && waiting.TryRemove((key, RepliesId(activityId)), out var wait) && wait.TrySetResult()
            ? wait.Attempted.Task
            : Task.CompletedTask;

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

    /// <summary>At shutdown: waiting retries give up (and say so). The source stays undisposed: a late turn can still start.</summary>
    public override void Dispose()
    {
        stopping.Cancel();
        base.Dispose();
    }

    /// <summary>Runs the lanes no message has run, of turns committed <see cref="EffectsOptions.ReplayAfter"/> ago or more.</summary>
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
                    await SettledAsync(key).WaitAsync(ct);
                    var stored = await states.LoadAsync(key, ct);
                    await ReplayAsync(key, stored?.State.Outbox);
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    // One conversation's row or lane: the others still get theirs.
                    LogSweepSkipped(logger, ex, key.ChannelId);
                }
            }
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            LogSweepFailed(logger, ex, found);
        }
    }

    /// <summary>Drops the turns that ran before <paramref name="ranBefore"/> from their state, with a write of their own.</summary>
    internal async Task ClearRanAsync(DateTimeOffset ranBefore, CancellationToken ct)
    {
        List<ConversationKey> due;
        lock (gate)
            due = [.. known.Where(k => k.Value.Values.Any(e => e.Progress == Progress.Ran && e.Since <= ranBefore)).Select(k => k.Key)];
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
                    // A turn that won the race drops them itself.
                    if (!(await states.TrySaveAsync(key, stored.State, stored.ETag, ct)).Saved) continue;
                }
                Committed(key, kept);
            }
            catch (Exception ex)
            {
                // Storage is down, the row is bad or we are out of time: its lanes stay, and a restart runs them again
                // (harmlessly); the other conversations are still cleared.
                failed++;
                failure ??= ex;
                if (ct.IsCancellationRequested) break;
            }
        }
        if (failure is not null) LogClearFailed(logger, failure, failed);
    }

    private static IEnumerable<Lane> LanesOf(CommittedTurn committed)
    {
        if (committed.Replies is { Count: > 0 }) yield return Lane.Replies;
        if (committed.Effects is { Count: > 0 }) yield return Lane.Effects;
    }

    /// <summary>The effects lane goes by the turn's id (as in documents from before replies were committed).</summary>
    private static string LaneId(CommittedTurn committed, Lane lane) => lane == Lane.Replies ? RepliesId(committed.Id) : committed.Id;

    private static string RepliesId(string activityId) => activityId + "#replies";

    private static int CountOf(CommittedTurn committed, Lane lane) =>
        lane == Lane.Replies ? committed.Replies!.Count : committed.Effects.Count;

    /// <summary>Runs the lane's replies or effects from <paramref name="from"/> on.</summary>
    private Task Start(ConversationKey key, CommittedTurn committed, Lane lane, int from)
    {
        var id = LaneId(committed, lane);
        IReadOnlyList<Func<CancellationToken, Task>> work = lane == Lane.Replies
            ? [.. committed.Replies!.Skip(from).Select(r => (Func<CancellationToken, Task>)(token => SendAsync(r, token)))]
            : [.. committed.Effects.Skip(from).Select(e => (Func<CancellationToken, Task>)(token => ApplyAsync(e, token)))];
        return RunAsync(key, work, id, ran => Ended(key, id, CountOf(committed, lane), from + ran));
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
    private (bool Claimed, int From, TaskCompletionSource? Replaying) TryClaim(ConversationKey key, CommittedTurn committed, Lane lane)
    {
        lock (gate)
        {
            var entries = EntriesOf(key);
            var id = LaneId(committed, lane);
            var seen = entries.TryGetValue(id, out var entry);
            if (seen ? entry.Progress != Progress.GaveUp : committed.CommittedAt > clock.GetUtcNow() - options.Value.ReplayAfter)
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

    /// <summary>
    /// Runs a lane's work in order on the bot's lifetime; the task ends once it all ran, or once the rest of it is handed
    /// to the retries. <paramref name="ended"/> hears how many items ran: all, or the index the retries gave up on.
    /// </summary>
    internal Task RunAsync(
        ConversationKey conversation, IReadOnlyList<Func<CancellationToken, Task>> work, string? id, Action<int>? ended = null)
    {
        if (work.Count == 0)
        {
            ended?.Invoke(0);
            return Task.CompletedTask;
        }
        var run = RunOrHandOverAsync(conversation, work, id, ended);
        if (run.IsCompleted) return run;
        // A turn's replies and its effects run side by side: the conversation is settled once both are.
        var settled = running.AddOrUpdate(conversation, run, (_, earlier) => Task.WhenAll(earlier, run));
        settled.ContinueWith(_ => running.TryRemove(KeyValuePair.Create(conversation, settled)),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return run;
    }

    private async Task RunOrHandOverAsync(
        ConversationKey conversation, IReadOnlyList<Func<CancellationToken, Task>> work, string? id, Action<int>? ended)
    {
        var tried = clock.GetUtcNow();
        var (next, retryAfter) = await RunFromAsync(work, 0, id);
        if (next < work.Count) _ = RetryAsync(conversation, work, next, retryAfter, tried, id, ended);
        else ended?.Invoke(next);
    }

    /// <summary>
    /// Runs work from <paramref name="start"/> on; returns the index of the item that failed and is worth a retry (with
    /// the wait its failure asked for), or the count. One that failed for good is logged and passed over.
    /// </summary>
    private async Task<(int Next, TimeSpan? RetryAfter)> RunFromAsync(
        IReadOnlyList<Func<CancellationToken, Task>> work, int start, string? id)
    {
        for (var i = start; i < work.Count; i++)
        {
            try
            {
                await work[i](stopping.Token);
            }
            catch (Exception ex) when (!stopping.IsCancellationRequested && IsPermanent(ex))
            {
                LogEffectFailedForGood(logger, ex, i + 1, work.Count, id);
            }
            catch (Exception ex) when (!stopping.IsCancellationRequested)
            {
                LogEffectFailed(logger, ex, i + 1, work.Count, id);
                return (i, (ex as ReplyNotSentException)?.RetryAfter);
            }
        }
        return (work.Count, null);
    }

    /// <summary>
    /// A failure that fails the same way every time: another case holds the id (<see cref="CaseIdTakenException"/>), or
    /// the write breaks a store's limit (an <see cref="IPermanentFailure"/>, such as an Azure Table limit, checked before any request).
    /// </summary>
    private static bool IsPermanent(Exception exception) => exception is CaseIdTakenException or IPermanentFailure;

    private async Task RetryAsync(
        ConversationKey conversation, IReadOnlyList<Func<CancellationToken, Task>> work, int next, TimeSpan? retryAfter,
        DateTimeOffset tried, string? id, Action<int>? ended)
    {
        try
        {
            foreach (var delay in RetryDelays)
            {
                // Each retry is due a delay after the try before it began, whenever this code gets to run.
                var wait = await WaitAsync(conversation, id, tried + (retryAfter > delay ? retryAfter.Value : delay));
                tried = clock.GetUtcNow();
                try
                {
                    (next, retryAfter) = await RunFromAsync(work, next, id);
                }
                finally
                {
                    wait?.Attempted.TrySetResult();
                }
                if (next == work.Count)
                {
                    LogRecovered(logger, id);
                    ended?.Invoke(next);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down: the retries give up.
        }
        ended?.Invoke(next);
        LogGaveUp(logger, work.Count - next, id);
    }

    /// <summary>How long until <paramref name="due"/> on the clock, read as late as possible; zero once it has passed.</summary>
    private TimeSpan Until(DateTimeOffset due) => due - clock.GetUtcNow() is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero;

    /// <summary>Waits until <paramref name="due"/>, or until <see cref="RetryRepliesNowAsync"/> ends the wait (then returns it).</summary>
    private async Task<Wait?> WaitAsync(ConversationKey conversation, string? id, DateTimeOffset due)
    {
        if (id is null)
        {
            await Task.Delay(Until(due), clock, stopping.Token);
            return null;
        }
        var wait = new Wait();
        waiting[(conversation, id)] = wait;
        using var cut = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
        try
        {
            await Task.WhenAny(wait.Task, Task.Delay(Until(due), clock, cut.Token));
            await cut.CancelAsync();
            stopping.Token.ThrowIfCancellationRequested();
        }
        finally
        {
            waiting.TryRemove(KeyValuePair.Create((conversation, id), wait));
        }
        return wait.Task.IsCompleted ? wait : null;
    }

    /// <summary>A retry's wait that a redelivery can end, and the attempt after it, for that redelivery to await.</summary>
    private sealed class Wait : TaskCompletionSource
    {
        public Wait() : base(TaskCreationOptions.RunContinuationsAsynchronously) { }

        public TaskCompletionSource Attempted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Sends a reply; one the channel did not take is retried (after its Retry-After), unless the conversation is gone.</summary>
    private async Task SendAsync(CommittedReply reply, CancellationToken ct)
    {
        var result = await channel.SendAsync(reply.ServiceUrl, reply.Activity, ct);
        if (result.Outcome is SendOutcome.Throttled or SendOutcome.Failed) throw new ReplyNotSentException(result);
    }

    /// <summary>Runs one effect against the stores and the managers' channel; each is safe to run twice except the messages.</summary>
    private Task ApplyAsync(Effect effect, CancellationToken ct) => effect switch
    {
        CreateCase e => CreateAsync(e.Case, ct),
        SaveCase e => SaveAsync(e.Case, ct),
        ScheduleFollowUp e => ScheduleFollowUpAsync(e, ct),
        RequestApproval e => followThrough.RequestApprovalAsync(e.Case, e.RequestedAt, ct),
        RememberConversation e => references.UpsertAsync(e.Reference, ct),
        ForgetConversation e => references.RemoveAsync(e.TeamKey, e.ConversationId, ct),
        RegisterManagerChannel e => RegisterAsync(e, ct),
        AddManager e => teams.AddManagerAsync(e.TeamKey, e.UserId, e.AddedBy, ct),
        ScheduleDigest e => followThrough.ScheduleDigestAsync(e.TeamKey, e.Since, ct),
        TellStaff e => notifier.SendToStaffAsync(
            e.TeamKey, e.StaffId, e.ConversationId, new Activity { Type = ActivityTypes.Message, Text = e.Text }, ct),
        ReplaceCard e => channel.UpdateAsync(e.ServiceUrl, e.Replacement, ct),
        CountToneFlags e => Count(e.Flags),
        _ => throw new ArgumentOutOfRangeException(nameof(effect), effect?.GetType().Name, "No runner for this effect."),
    };

    /// <summary>
    /// Stores the opened case on its reserved id. When the id is taken already, that is this case, stored by an earlier
    /// try of this effect, and the save goes on as a save (which never writes over another case).
    /// </summary>
    private async Task CreateAsync(RecoveryCase opened, CancellationToken ct)
    {
        if (!await cases.TryCreateAsync(opened, ct)) await cases.SaveAsync(opened, ct);
    }

    /// <summary>
    /// Saves the case; one still waiting for a manager's approval first takes the decision the stored case may carry
    /// (a manager decided while the staff member was still in the recovery), so the recovery's own save never undoes it.
    /// </summary>
    private async Task SaveAsync(RecoveryCase c, CancellationToken ct)
    {
        if (c.Atonement is { Approval: ApprovalState.Pending } && await cases.FindAsync(c.TeamKey, c.Id, ct) is { } stored)
            c = c.KeepingDecisionOf(stored);
        await cases.SaveAsync(c, ct);
    }

    private async Task ScheduleFollowUpAsync(ScheduleFollowUp e, CancellationToken ct)
    {
        await followThrough.ScheduleFollowUpAsync(e.Case, ct);
        if (e.AndPromise) await followThrough.SchedulePromiseAsync(e.Case, ct);
    }

    private async Task RegisterAsync(RegisterManagerChannel e, CancellationToken ct)
    {
        await teams.SetManagerChannelAsync(e.Channel, e.SetBy, ct);
        await followThrough.ScheduleDigestAsync(e.Channel.TeamKey, e.At, ct);
    }

    private Task Count(IReadOnlyList<string> flags)
    {
        foreach (var flag in flags) telemetry.ToneFlagRaised(flag);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning,
        Message = "Effect {Index} of {Count} of committed activity {ActivityId} failed; it will be retried")]
    private static partial void LogEffectFailed(ILogger logger, Exception exception, int index, int count, string? activityId);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "The effects of committed activity {ActivityId} ran on a retry")]
    private static partial void LogRecovered(ILogger logger, string? activityId);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Error,
        Message = "Gave up on {Remaining} effects of committed activity {ActivityId} for now: "
            + "they stay in the conversation's state and run again on its next message or on a sweep")]
    private static partial void LogGaveUp(ILogger logger, int remaining, string? activityId);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Error,
        Message = "Effect {Index} of {Count} of committed activity {ActivityId} failed for good; "
            + "it is not retried, and the effects after it still run")]
    private static partial void LogEffectFailedForGood(ILogger logger, Exception exception, int index, int count, string? activityId);

    [LoggerMessage(EventId = 1020, Level = LogLevel.Warning,
        Message = "Running again {Count} committed effects of activity {ActivityId}, which this process did not see run")]
    private static partial void LogReplaying(ILogger logger, int count, string activityId);

    [LoggerMessage(EventId = 1021, Level = LogLevel.Warning,
        Message = "The sweep for effects left to run failed after {Found} conversations; the next sweep tries again")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception, int found);

    [LoggerMessage(EventId = 1022, Level = LogLevel.Warning,
        Message = "Could not drop effects that ran from the state of {Count} conversations; a restart would run them again")]
    private static partial void LogClearFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(EventId = 1023, Level = LogLevel.Warning,
        Message = "The sweep could not replay the effects of one {ChannelId} conversation; it goes on with the others")]
    private static partial void LogSweepSkipped(ILogger logger, Exception exception, string channelId);
}
