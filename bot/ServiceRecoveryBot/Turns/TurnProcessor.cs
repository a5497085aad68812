using Microsoft.Extensions.Logging;
using ServiceRecoveryBot.Conversations;
using ServiceRecoveryBot.Turns.Effects;
using ServiceRecoveryBot.Turns.State;
using ServiceRecoveryBot.Operations;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Turns;

/// <summary>
/// Runs one inbound activity: load the state, replay effects a crash cut short, skip a redelivery, run the bot, commit
/// state and effects with the ETag, then send the replies. The sequence and its invariants: docs/ARCHITECTURE.md.
/// </summary>
public sealed partial class TurnProcessor(
    IConversationStateStore states,
    RecoveryBot bot,
    IChannelClient channel,
    IChannelCapabilities capabilities,
    Outbox outbox,
    TimeProvider clock,
    BotTelemetry telemetry,
    ILogger<TurnProcessor> logger)
{
    /// <summary>Each losing attempt re-runs after a winner committed, so N racing turns need at most N attempts.</summary>
    private const int MaxAttempts = 64;

    public async Task<TurnOutcome> ProcessAsync(Activity activity, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        using var span = BotTelemetry.Source.StartActivity("turn", System.Diagnostics.ActivityKind.Server);
        span?.SetTag("bot.channel", activity.ChannelId);
        span?.SetTag("bot.activity.type", activity.Type);
        var outcome = await ProcessCoreAsync(activity, ct);
        span?.SetTag("bot.turn.outcome", outcome.Status.ToString());
        telemetry.TurnCompleted(activity.ChannelId ?? "unknown", activity.Type, outcome.Status.ToString(), clock.GetElapsedTime(started));
        return outcome;
    }

    private async Task<TurnOutcome> ProcessCoreAsync(Activity activity, CancellationToken ct)
    {
        if (activity.Conversation?.Id is not { Length: > 0 } conversationId)
            return TurnOutcome.Rejected("The activity has no conversation id.");
        var key = new ConversationKey(activity.ChannelId ?? "unknown", conversationId);
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["ConversationId"] = conversationId, ["ActivityId"] = activity.Id });

        using var typing = ShowTypingIfSlow(activity, ct);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            await outbox.SettledAsync(key).WaitAsync(ct);
            var stored = await states.LoadAsync(key, ct);
            var state = stored?.State ?? new ConversationState();
            await outbox.ReplayAsync(key, state.Outbox).WaitAsync(ct);
            if (state.HasProcessed(activity.Id))
            {
                LogDuplicate(logger, activity.Id);
                await outbox.RetryRepliesNowAsync(key, activity.Id).WaitAsync(ct);
                return TurnOutcome.Duplicate;
            }
            if (state.SchemaVersion != ConversationState.CurrentSchemaVersion)
                state = new ConversationState();

            var turn = new TurnContext(activity, clock.GetUtcNow());
            await bot.OnTurnAsync(turn, state, ct);
            state.MarkProcessed(activity.Id);
            var committed = Outbox.Record(turn);
            state.Outbox = outbox.Next(key, state.Outbox, committed);

            var saved = await states.TrySaveAsync(key, state, stored?.ETag, ct);
            if (!saved.Saved)
            {
                LogConflict(logger, attempt);
                continue;
            }
            outbox.Committed(key, state.Outbox);

            await typing.CancelAsync();
            // The replies and the effects run side by side from what was committed; a reply the channel did not take
            // is retried in the background (and sent again on a redelivery, or by a sweep after a crash).
            if (committed is not null) await outbox.RunAsync(key, committed);
            return new TurnOutcome(TurnStatus.Processed, turn.InvokeResponse);
        }
        LogGaveUp(logger, MaxAttempts);
        return TurnOutcome.Rejected("The conversation is too busy; try again.", retryable: true);
    }

    /// <summary>
    /// On channels that show it, sends a typing indicator if the turn has not finished within
    /// <see cref="TypingDelay"/>, so a staff member on a slow connection sees the bot is working.
    /// </summary>
    private CancellationTokenSource ShowTypingIfSlow(Activity activity, CancellationToken ct)
    {
        var done = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (!activity.IsMessage || !capabilities.ShowsTyping(activity.ChannelId)) return done;
        var token = done.Token;
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(TypingDelay, clock, token);
                await channel.SendAsync(activity.ServiceUrl ?? "", activity.CreateReply() with { Type = ActivityTypes.Typing }, token);
            }
            catch (OperationCanceledException)
            {
                // The turn finished first: no indicator needed.
            }
        }, CancellationToken.None);
        return done;
    }

    public static TimeSpan TypingDelay { get; } = TimeSpan.FromMilliseconds(750);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Activity {ActivityId} was already processed; ignoring the redelivery")]
    private static partial void LogDuplicate(ILogger logger, string? activityId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "State changed under turn attempt {Attempt}; re-running on fresh state")]
    private static partial void LogConflict(ILogger logger, int attempt);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Gave up after {Attempts} conflicting attempts")]
    private static partial void LogGaveUp(ILogger logger, int attempts);
}

public enum TurnStatus
{
    Processed,
    Duplicate,
    Rejected,
}

/// <summary>How a turn ended. A rejected turn says why, and whether sending the same activity again may succeed.</summary>
public sealed record TurnOutcome(TurnStatus Status, InvokeResponse? InvokeResponse = null, string? Error = null, bool Retryable = false)
{
    public static TurnOutcome Duplicate { get; } = new(TurnStatus.Duplicate);

    public static TurnOutcome Rejected(string why, bool retryable = false) => new(TurnStatus.Rejected, Error: why, Retryable: retryable);
}
