using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using ServiceRecoveryBot.Turns.State;
using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Turns.Effects;

/// <summary>
/// Runs a committed turn's effects in order on the bot's lifetime and retries the rest of them in the background after
/// an outage; the conversation's next turn waits until they ran. Retry and failure rules: docs/ARCHITECTURE.md.
/// </summary>
public sealed partial class CommittedEffects(TimeProvider clock, ILogger<CommittedEffects> logger) : IDisposable
{
    internal static readonly TimeSpan[] RetryDelays =
        [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2)];

    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<ConversationKey, Task> running = new();
    private readonly ConcurrentDictionary<(ConversationKey, string), Wait> waiting = new();

    /// <summary>
    /// Runs a committed turn's effects; the task ends once they all ran, or once the rest of them is handed to the
    /// retries. Until then the conversation is not <see cref="SettledAsync">settled</see>. <paramref name="ended"/> hears
    /// how many ran: all of them once every effect ran (or failed for good), or the index of the one the retries gave
    /// up on.
    /// </summary>
    public Task RunAsync(ConversationKey conversation, IReadOnlyList<Func<CancellationToken, Task>> effects, string? activityId, Action<int>? ended = null)
    {
        if (effects.Count == 0)
        {
            ended?.Invoke(0);
            return Task.CompletedTask;
        }
        var run = RunOrHandOverAsync(conversation, effects, activityId, ended);
        if (run.IsCompleted) return run;
        // A turn's replies and its effects run side by side: the conversation is settled once both are.
        var settled = running.AddOrUpdate(conversation, run, (_, earlier) => Task.WhenAll(earlier, run));
        settled.ContinueWith(_ => running.TryRemove(KeyValuePair.Create(conversation, settled)),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return run;
    }

    /// <summary>Completes (never faults) when the effects of the conversation's last committed turn have run or been handed to the retries.</summary>
    public Task SettledAsync(ConversationKey conversation) =>
        running.TryGetValue(conversation, out var run) ? run.ContinueWith(_ => { }, TaskScheduler.Default) : Task.CompletedTask;

    /// <summary>
    /// Ends the wait of the retries of list <paramref name="activityId"/> now (its activity came again, so the channel is
    /// back); the task ends once that attempt did. Completed at once when no retry of it is waiting.
    /// </summary>
    public Task RetryNowAsync(ConversationKey conversation, string activityId) =>
        waiting.TryRemove((conversation, activityId), out var wait) && wait.TrySetResult() ? wait.Attempted.Task : Task.CompletedTask;

    private async Task RunOrHandOverAsync(
        ConversationKey conversation, IReadOnlyList<Func<CancellationToken, Task>> effects, string? activityId, Action<int>? ended)
    {
        var (next, retryAfter) = await RunFromAsync(effects, 0, activityId);
        if (next < effects.Count) _ = RetryAsync(conversation, effects, next, retryAfter, activityId, ended);
        else ended?.Invoke(next);
    }

    /// <summary>
    /// Runs effects from <paramref name="start"/> on; returns the index of the one that failed and is worth a retry (with
    /// the wait its failure asked for), or the count. One that failed for good is logged and passed over.
    /// </summary>
    private async Task<(int Next, TimeSpan? RetryAfter)> RunFromAsync(
        IReadOnlyList<Func<CancellationToken, Task>> effects, int start, string? activityId)
    {
        for (var i = start; i < effects.Count; i++)
        {
            try
            {
                await effects[i](stopping.Token);
            }
            catch (Exception ex) when (!stopping.IsCancellationRequested && IsPermanent(ex))
            {
                LogEffectFailedForGood(logger, ex, i + 1, effects.Count, activityId);
            }
            catch (Exception ex) when (!stopping.IsCancellationRequested)
            {
                LogEffectFailed(logger, ex, i + 1, effects.Count, activityId);
                return (i, (ex as ReplyNotSentException)?.RetryAfter);
            }
        }
        return (effects.Count, null);
    }

    /// <summary>
    /// A failure that fails the same way every time: another case holds the id (<see cref="CaseIdTakenException"/>), or
    /// the write breaks a store's limit (an <see cref="IPermanentFailure"/>, such as an Azure Table limit, checked before any request).
    /// </summary>
    private static bool IsPermanent(Exception exception) => exception is CaseIdTakenException or IPermanentFailure;

    private async Task RetryAsync(
        ConversationKey conversation, IReadOnlyList<Func<CancellationToken, Task>> effects, int next, TimeSpan? retryAfter,
        string? activityId, Action<int>? ended)
    {
        try
        {
            foreach (var delay in RetryDelays)
            {
                var wait = await WaitAsync(conversation, activityId, retryAfter > delay ? retryAfter.Value : delay);
                try
                {
                    (next, retryAfter) = await RunFromAsync(effects, next, activityId);
                }
                finally
                {
                    wait?.Attempted.TrySetResult();
                }
                if (next == effects.Count)
                {
                    LogRecovered(logger, activityId);
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
        LogGaveUp(logger, effects.Count - next, activityId);
    }

    /// <summary>Waits <paramref name="delay"/>, or until <see cref="RetryNowAsync"/> ends the wait (then returns the wait).</summary>
    private async Task<Wait?> WaitAsync(ConversationKey conversation, string? activityId, TimeSpan delay)
    {
        if (activityId is null)
        {
            await Task.Delay(delay, clock, stopping.Token);
            return null;
        }
        var wait = new Wait();
        waiting[(conversation, activityId)] = wait;
        using var cut = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
        try
        {
            await Task.WhenAny(wait.Task, Task.Delay(delay, clock, cut.Token));
            await cut.CancelAsync();
            stopping.Token.ThrowIfCancellationRequested();
        }
        finally
        {
            waiting.TryRemove(KeyValuePair.Create((conversation, activityId), wait));
        }
        return wait.Task.IsCompleted ? wait : null;
    }

    /// <summary>A retry's wait that <see cref="RetryNowAsync"/> can end, and the attempt after it, for that caller to await.</summary>
    private sealed class Wait : TaskCompletionSource
    {
        public Wait() : base(TaskCreationOptions.RunContinuationsAsynchronously) { }

        public TaskCompletionSource Attempted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>At shutdown: retries still waiting give up (and say so). Not disposed, so a late turn can still start its effects.</summary>
    public void Dispose() => stopping.Cancel();

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning, Message = "Effect {Index} of {Count} of committed activity {ActivityId} failed; it will be retried")]
    private static partial void LogEffectFailed(ILogger logger, Exception exception, int index, int count, string? activityId);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "The effects of committed activity {ActivityId} ran on a retry")]
    private static partial void LogRecovered(ILogger logger, string? activityId);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Error, Message = "Gave up on {Remaining} effects of committed activity {ActivityId} for now: they stay in the conversation's state and run again on its next message or on a sweep")]
    private static partial void LogGaveUp(ILogger logger, int remaining, string? activityId);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Error, Message = "Effect {Index} of {Count} of committed activity {ActivityId} failed for good; it is not retried, and the effects after it still run")]
    private static partial void LogEffectFailedForGood(ILogger logger, Exception exception, int index, int count, string? activityId);
}
