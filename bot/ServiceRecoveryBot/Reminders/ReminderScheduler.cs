using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ServiceRecoveryBot.Reminders;

/// <summary>
/// Schedules reminders and, every <see cref="ReminderOptions.TickInterval"/> (and once at start, so reminders that fell
/// due while no instance ran go out at once), delivers the due ones exactly once across instances sharing the store:
/// <list type="number">
/// <item>scan the due reminders (<see cref="IReminderStore.ScanDueAsync"/>: only hour buckets from the cursor to now);</item>
/// <item>claim each claimable one with its version (ETag): Claimed, ClaimedBy, ClaimUntil = now + lease, Attempts + 1.
/// A lost claim (another instance won) is skipped;</item>
/// <item>call <see cref="IReminderHandler"/> with the attempt number;</item>
/// <item>Delivered or Obsolete: delete it with the claim's version. RetryLater (or a handler exception): put it back
/// to Pending <b>in place</b> with NotBefore = now + back-off (doubling from <see cref="ReminderOptions.RetryDelay"/>
/// up to <see cref="ReminderOptions.MaxRetryDelay"/>), so <see cref="CancelAsync"/> still finds it by its original
/// due time.</item>
/// </list>
/// If the process dies (or is stopped) between claim and completion, the claim runs out after the lease and any instance
/// re-claims it and calls the handler with the next attempt number: delivery is at least once, and exactly once unless
/// an instance dies after sending but before deleting (the handler sees attempt 2 and can check the case first).
/// A handler must finish within the lease; claims are not renewed.
/// </summary>
public sealed partial class ReminderScheduler(
    IReminderStore store,
    IReminderHandler handler,
    IOptions<ReminderOptions> options,
    TimeProvider clock,
    ILogger<ReminderScheduler> logger) : BackgroundService, IReminderScheduler
{
    /// <summary>How far in the past a due time may be: the scan reads every hour bucket from the oldest one on.</summary>
    public static readonly TimeSpan MaxOverdue = TimeSpan.FromDays(30);

    private readonly SemaphoreSlim ticking = new(1, 1);
    private volatile ReminderTickStats? lastTick;

    /// <summary>The name this instance claims reminders under.</summary>
    public string InstanceId => options.Value.InstanceId;

    /// <summary>What the last finished tick did (null before the first).</summary>
    public ReminderTickStats? LastTick => lastTick;

    /// <summary>Reminder entities the last finished tick read (the benchmark's figure).</summary>
    public int LastTickEntitiesRead => lastTick?.EntitiesRead ?? 0;

    /// <summary>
    /// Stores the reminder (scheduling the same id and due time again is a no-op). A due time in the past is fine (it
    /// fires on the next tick) up to <see cref="MaxOverdue"/> ago; to move a reminder, cancel it by its old due time
    /// and schedule it again.
    /// </summary>
    public async Task ScheduleAsync(Reminder reminder, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        EnsureSchedulable(reminder, now);
        if (!await store.AddAsync(reminder, now, ct))
            LogAlreadyScheduled(logger, reminder.Id);
    }

    /// <summary>Schedules many reminders in batches (bulk loads, the benchmark); ids already scheduled are kept.</summary>
    public Task ScheduleManyAsync(IReadOnlyCollection<Reminder> reminders, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var reminder in reminders) EnsureSchedulable(reminder, now);
        return store.AddManyAsync(reminders, now, ct);
    }

    public Task CancelAsync(string reminderId, DateTimeOffset dueAt, CancellationToken ct) => store.RemoveAsync(reminderId, dueAt, ct);

    /// <summary>
    /// One scan-claim-handle round. Returns how many reminders this instance handled (handler called and finished).
    /// Ticks of one instance run one at a time; ticks of different instances may overlap freely.
    /// </summary>
    public async Task<int> TickAsync(CancellationToken ct)
    {
        await ticking.WaitAsync(ct);
        try
        {
            var settings = options.Value;
            var started = clock.GetTimestamp();
            var now = clock.GetUtcNow();
            var scan = await store.ScanDueAsync(now, ct);
            var claimed = 0;
            var lost = 0;
            var handled = 0;
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.MaxConcurrency, CancellationToken = ct };
            await Parallel.ForEachAsync(scan.Reminders.Where(r => r.IsClaimableAt(now)), parallel, async (candidate, token) =>
            {
                try
                {
                    var claim = await store.TryClaimAsync(candidate, settings.InstanceId, clock.GetUtcNow() + settings.LeaseDuration, token);
                    if (claim is null)
                    {
                        Interlocked.Increment(ref lost); // another instance won
                        return;
                    }
                    Interlocked.Increment(ref claimed);
                    await HandleClaimedAsync(claim, settings, token);
                    Interlocked.Increment(ref handled);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    // Storage failed for this one (after the client's retries): the others go on; an unfinished claim
                    // runs out and is retried after the lease.
                    LogReminderFailed(logger, ex, candidate.Reminder.Id);
                }
            });
            lastTick = new ReminderTickStats(scan.Reminders.Count, scan.PartitionsQueried, claimed, lost, handled, clock.GetElapsedTime(started));
            return handled;
        }
        finally
        {
            ticking.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.TickInterval, clock);
        try
        {
            do
            {
                try
                {
                    await TickAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // Includes a storage client timeout (a TaskCanceledException that is not ours).
                    LogTickFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override void Dispose()
    {
        ticking.Dispose();
        base.Dispose();
    }

    private static void EnsureSchedulable(Reminder reminder, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(reminder.Id, nameof(reminder));
        if (reminder.DueAt < now - MaxOverdue)
            throw new ArgumentOutOfRangeException(nameof(reminder), reminder.DueAt, $"Reminder {reminder.Id} was due more than {MaxOverdue.TotalDays} days ago; schedule it as due now.");
    }

    internal static TimeSpan Backoff(int attempts, ReminderOptions settings)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(settings.RetryDelay.Ticks * factor, settings.MaxRetryDelay.Ticks));
        return delay < settings.MaxRetryDelay ? delay : settings.MaxRetryDelay;
    }

    private async Task HandleClaimedAsync(StoredReminder claim, ReminderOptions settings, CancellationToken ct)
    {
        ReminderOutcome outcome;
        try
        {
            outcome = await handler.HandleAsync(claim.Reminder, claim.Attempts, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogHandlerFailed(logger, ex, claim.Reminder.Id, claim.Attempts);
            outcome = ReminderOutcome.RetryLater;
        }

        // The handler has acted: record it even when we are stopping, or it would be repeated after the lease.
        if (outcome is ReminderOutcome.Delivered or ReminderOutcome.Obsolete)
        {
            if (await store.TryCompleteAsync(claim, CancellationToken.None))
                LogHandled(logger, claim.Reminder.Id, claim.Reminder.Kind, claim.Attempts, outcome);
            else
                LogClaimLost(logger, claim.Reminder.Id, claim.Attempts);
        }
        else
        {
            var notBefore = clock.GetUtcNow() + Backoff(claim.Attempts, settings);
            if (await store.TryReleaseAsync(claim, notBefore, CancellationToken.None))
                LogRetryLater(logger, claim.Reminder.Id, claim.Attempts, notBefore);
            else
                LogClaimLost(logger, claim.Reminder.Id, claim.Attempts);
        }
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Reminder {ReminderId} ({Kind}) handled on attempt {Attempt}: {Outcome}")]
    private static partial void LogHandled(ILogger logger, string reminderId, ReminderKind kind, int attempt, ReminderOutcome outcome);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "Reminder {ReminderId} attempt {Attempt} will be retried from {NotBefore}")]
    private static partial void LogRetryLater(ILogger logger, string reminderId, int attempt, DateTimeOffset notBefore);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Warning, Message = "Reminder {ReminderId} attempt {Attempt}: the claim ran out before completion (another instance re-claimed it, or it was cancelled)")]
    private static partial void LogClaimLost(ILogger logger, string reminderId, int attempt);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Error, Message = "Reminder {ReminderId} attempt {Attempt}: the handler failed; retrying later")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string reminderId, int attempt);

    [LoggerMessage(EventId = 4205, Level = LogLevel.Warning, Message = "Reminder tick failed; trying again on the next tick")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4207, Level = LogLevel.Warning, Message = "Reminder {ReminderId} could not be claimed or completed; it is retried on a later tick")]
    private static partial void LogReminderFailed(ILogger logger, Exception exception, string reminderId);

    [LoggerMessage(EventId = 4206, Level = LogLevel.Debug, Message = "Reminder {ReminderId} was already scheduled")]
    private static partial void LogAlreadyScheduled(ILogger logger, string reminderId);
}
