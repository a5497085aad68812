using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ServiceRecoveryBot.Reminders;
using ServiceRecoveryBot.Testing;

namespace ServiceRecoveryBot.Tests.Reminders;

/// <summary>Failure paths with a stub store; the delivery guarantees run against Azurite (IntegrationTests/Reminders).</summary>
public sealed class ReminderSchedulerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_storage_failure_on_one_reminder_does_not_stop_the_others()
    {
        var store = new StubStore(["broken", "fine"]) { FailClaimOf = "broken" };
        var handler = new RecordingReminderHandler();
        using var scheduler = Scheduler(store, handler);

        Assert.Equal(1, await scheduler.TickAsync(default));
        Assert.Equal(["fine"], handler.Calls.Select(c => c.Reminder.Id));
        Assert.Equal(["fine"], store.Completed);
    }

    [Fact]
    public async Task A_lost_claim_is_skipped_and_counted()
    {
        var store = new StubStore(["taken", "mine"]) { LoseClaimOf = "taken" };
        var handler = new RecordingReminderHandler();
        using var scheduler = Scheduler(store, handler);

        Assert.Equal(1, await scheduler.TickAsync(default));
        Assert.Equal(["mine"], handler.Calls.Select(c => c.Reminder.Id));
        Assert.Equal(new ReminderTickStats(2, 1, 1, 1, 1, TimeSpan.Zero), scheduler.LastTick);
    }

    [Fact]
    public async Task RetryLater_puts_the_reminder_back_with_a_back_off_from_the_injected_clock()
    {
        var store = new StubStore(["throttled"]);
        using var scheduler = Scheduler(store, new RecordingReminderHandler { Respond = (_, _, _) => Task.FromResult(ReminderOutcome.RetryLater) });

        Assert.Equal(1, await scheduler.TickAsync(default));
        Assert.Equal(("throttled", Now.AddMinutes(1)), Assert.Single(store.Released));
    }

    [Fact]
    public async Task A_reminder_due_more_than_thirty_days_ago_is_refused()
    {
        using var scheduler = Scheduler(new StubStore([]), new RecordingReminderHandler());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            scheduler.ScheduleAsync(new Reminder("ancient", ReminderKind.Digest, "team", null, Now.AddDays(-31)), default));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            scheduler.ScheduleAsync(new Reminder("unset", ReminderKind.Digest, "team", null, default), default));
    }

    private static ReminderScheduler Scheduler(IReminderStore store, IReminderHandler handler) =>
        new(store, handler, Options.Create(new ReminderOptions { InstanceId = "test" }), new FakeTimeProvider(Now), NullLogger<ReminderScheduler>.Instance);

    private sealed class StubStore(string[] dueIds) : IReminderStore
    {
        public string? FailClaimOf { get; init; }
        public string? LoseClaimOf { get; init; }
        public List<string> Completed { get; } = [];
        public List<(string Id, DateTimeOffset NotBefore)> Released { get; } = [];

        public Task<ReminderScan> ScanDueAsync(DateTimeOffset now, CancellationToken ct) => Task.FromResult(new ReminderScan(
            [.. dueIds.Select(id => new StoredReminder(new Reminder(id, ReminderKind.FollowUp, "team", null, now.AddMinutes(-1)), ReminderStatus.Pending, 0, "v0"))], 1));

        public Task<StoredReminder?> TryClaimAsync(StoredReminder reminder, string instanceId, DateTimeOffset claimUntil, CancellationToken ct) =>
            reminder.Reminder.Id == FailClaimOf ? throw new IOException("storage unavailable")
            : Task.FromResult(reminder.Reminder.Id == LoseClaimOf ? null
                : reminder with { Status = ReminderStatus.Claimed, ClaimedBy = instanceId, ClaimUntil = claimUntil, Attempts = reminder.Attempts + 1, Version = "v1" });

        public Task<bool> TryCompleteAsync(StoredReminder claimed, CancellationToken ct)
        {
            lock (Completed) Completed.Add(claimed.Reminder.Id);
            return Task.FromResult(true);
        }

        public Task<bool> TryReleaseAsync(StoredReminder claimed, DateTimeOffset notBefore, CancellationToken ct)
        {
            lock (Released) Released.Add((claimed.Reminder.Id, notBefore));
            return Task.FromResult(true);
        }

        public Task<bool> AddAsync(Reminder reminder, DateTimeOffset now, CancellationToken ct) => throw new NotSupportedException();
        public Task AddManyAsync(IReadOnlyCollection<Reminder> reminders, DateTimeOffset now, CancellationToken ct) => throw new NotSupportedException();
        public Task<bool> RemoveAsync(string reminderId, DateTimeOffset dueAt, CancellationToken ct) => throw new NotSupportedException();
    }
}
