using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ServiceRecoveryBot.IntegrationTests.Infrastructure;
using ServiceRecoveryBot.Reminders;
using ServiceRecoveryBot.Storage;
using ServiceRecoveryBot.Testing;

namespace ServiceRecoveryBot.IntegrationTests.Reminders;

/// <summary>
/// Issue 6, point 5: the delivery guarantees, against Azurite with a fake clock. Every scheduler instance has its own
/// TableServiceClient (as separate processes would) on one table; ticks are driven by <see cref="ReminderScheduler.TickAsync"/>.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReminderDeliveryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 8, 40, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(Start);
    private readonly string prefix = AzuriteFixture.NewTablePrefix();
    private readonly List<ReminderScheduler> schedulers = [];

    public async Task InitializeAsync() => await Service().GetTableClient(Names().Reminders).CreateIfNotExistsAsync();

    public Task DisposeAsync()
    {
        foreach (var scheduler in schedulers) scheduler.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Three_instances_ticking_together_handle_each_reminder_exactly_once()
    {
        var handler = new RecordingReminderHandler("a");
        var instances = new[] { NewScheduler(handler, "a"), NewScheduler(handler.For("b"), "b"), NewScheduler(handler.For("c"), "c") };
        // 50 due over the next 50 minutes (five at each of ten times, across the 09:00 bucket boundary), scheduled by
        // all three instances, plus far-future ones that must not fire.
        var due = Enumerable.Range(0, 50).Select(i => FollowUp($"due-{i}", Start.AddMinutes(1 + (i / 5) * 5))).ToList();
        await Task.WhenAll(due.Select((r, i) => instances[i % 3].ScheduleAsync(r, default)));
        await instances[0].ScheduleManyAsync([.. Enumerable.Range(0, 30).Select(i => FollowUp($"later-{i}", Start.AddDays(2).AddMinutes(i)))], default);

        var handled = 0;
        for (var minute = 0; minute < 70; minute++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            // Three ticks per instance at once: every due reminder is contended by all three instances.
            var ticks = await Task.WhenAll(instances.SelectMany(s => Enumerable.Range(0, 3).Select(_ => s.TickAsync(default))));
            handled += ticks.Sum();
        }

        Assert.Equal(50, handled);
        Assert.Equal(50, handler.Calls.Count);
        Assert.Equal(due.Select(r => r.Id).Order(), handler.Calls.Select(c => c.Reminder.Id).Order());
        Assert.All(handler.Calls, c => Assert.Equal(1, c.Attempt));
        Assert.All(handler.Calls, c => Assert.True(c.Reminder.DueAt <= Start.AddMinutes(70)));
    }

    [Fact]
    public async Task Each_reminder_is_handled_no_earlier_than_its_due_time()
    {
        var handler = new RecordingReminderHandler();
        var scheduler = NewScheduler(handler);
        await scheduler.ScheduleAsync(FollowUp("r1", Start.AddMinutes(5)), default);

        clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, await scheduler.TickAsync(default));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, await scheduler.TickAsync(default));
        Assert.Equal("r1", Assert.Single(handler.Calls).Reminder.Id);
    }

    [Fact]
    public async Task A_reminder_that_fell_due_while_no_instance_ran_is_handled_when_one_starts()
    {
        await NewScheduler(new RecordingReminderHandler(), "gone").ScheduleAsync(FollowUp("missed", Start.AddMinutes(20)), default);
        clock.Advance(TimeSpan.FromHours(5)); // nothing running

        var delivered = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new RecordingReminderHandler { Respond = (_, attempt, _) => { delivered.TrySetResult(attempt); return Task.FromResult(ReminderOutcome.Delivered); } };
        var fresh = NewScheduler(handler, "fresh");
        await fresh.StartAsync(default); // the hosted service ticks once at start, before its first timer interval
        try
        {
            Assert.Equal(1, await delivered.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        }
        finally
        {
            await fresh.StopAsync(default);
        }
        Assert.Equal("missed", Assert.Single(handler.Calls).Reminder.Id);
    }

    [Fact]
    public async Task The_hosted_scheduler_ticks_at_start_and_then_every_interval_of_the_injected_clock()
    {
        var calls = System.Threading.Channels.Channel.CreateUnbounded<string>();
        var handler = new RecordingReminderHandler { Respond = (r, _, _) => { calls.Writer.TryWrite(r.Id); return Task.FromResult(ReminderOutcome.Delivered); } };
        var scheduler = NewScheduler(handler);
        await scheduler.ScheduleAsync(FollowUp("first", Start), default);
        await scheduler.StartAsync(default);
        try
        {
            Assert.Equal("first", await calls.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30)));
            await scheduler.ScheduleAsync(FollowUp("second", Start.AddSeconds(10)), default);
            clock.Advance(TimeSpan.FromSeconds(30)); // one TickInterval
            Assert.Equal("second", await calls.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30)));
        }
        finally
        {
            await scheduler.StopAsync(default);
        }
    }

    [Fact]
    public async Task A_crash_between_claim_and_send_is_retried_with_attempt_two_after_the_lease()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var crashing = new RecordingReminderHandler("a")
        {
            Respond = async (_, _, ct) =>
            {
                started.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct); // hangs until the process "dies"
                return ReminderOutcome.Delivered;
            },
        };
        var a = NewScheduler(crashing, "a");
        var survivor = new RecordingReminderHandler("b");
        var b = NewScheduler(survivor, "b");
        await a.ScheduleAsync(FollowUp("promise", Start.AddMinutes(1)), default);
        clock.Advance(TimeSpan.FromMinutes(1));

        using var death = new CancellationTokenSource();
        var tickA = a.TickAsync(death.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30)); // A has claimed it and is "sending"
        death.Cancel();                                          // A dies: no completion, no release
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => tickA);

        Assert.Equal(0, await b.TickAsync(default));             // A's lease still holds
        clock.Advance(LeaseDuration);
        Assert.Equal(0, await b.TickAsync(default));             // ... up to and including ClaimUntil
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await b.TickAsync(default));

        Assert.Equal(("promise", 1), (Assert.Single(crashing.Calls).Reminder.Id, crashing.Calls[0].Attempt));
        Assert.Equal(("promise", 2), (Assert.Single(survivor.Calls).Reminder.Id, survivor.Calls[0].Attempt));
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, await b.TickAsync(default));             // deleted after attempt 2
    }

    [Fact]
    public async Task A_tick_reads_the_due_reminders_not_the_scheduled_future_ones()
    {
        var handler = new RecordingReminderHandler();
        var scheduler = NewScheduler(handler);
        // 1,000 future reminders: 100 later in the current hour, the rest over the next 300 hours.
        var future = Enumerable.Range(0, 100).Select(i => FollowUp($"soon-{i}", Start.AddSeconds(60 + i * 6)))
            .Concat(Enumerable.Range(0, 900).Select(i => FollowUp($"later-{i}", Start.AddHours(1 + i / 3).AddMinutes(i % 3))));
        await scheduler.ScheduleManyAsync([.. future], default);
        // 10 due: in the previous hour's bucket and earlier in this one.
        for (var i = 0; i < 10; i++)
            await scheduler.ScheduleAsync(FollowUp($"due-{i}", Start.AddMinutes(-70 + i * 7)), default);

        Assert.Equal(10, await scheduler.TickAsync(default));
        Assert.Equal(new ReminderTickStats(10, 2, 10, 0, 10, TimeSpan.Zero), scheduler.LastTick);
        Assert.Equal(10, scheduler.LastTickEntitiesRead);

        Assert.Equal(0, await scheduler.TickAsync(default));
        Assert.Equal((0, 2), (scheduler.LastTickEntitiesRead, scheduler.LastTick!.PartitionsQueried)); // 07:00 found empty
        Assert.Equal(0, await scheduler.TickAsync(default));
        Assert.Equal((0, 1), (scheduler.LastTickEntitiesRead, scheduler.LastTick!.PartitionsQueried)); // and passed
    }

    [Fact]
    public async Task Empty_hours_are_skipped_once_and_a_reminder_added_behind_the_cursor_is_still_found()
    {
        var handler = new RecordingReminderHandler();
        var scheduler = NewScheduler(handler);
        Assert.Equal(0, await scheduler.TickAsync(default));
        clock.Advance(TimeSpan.FromHours(6));
        Assert.Equal(0, await scheduler.TickAsync(default));
        Assert.Equal(7, scheduler.LastTick!.PartitionsQueried);   // 08:00 to 14:00
        Assert.Equal(0, await scheduler.TickAsync(default));
        Assert.Equal(1, scheduler.LastTick!.PartitionsQueried);   // the cursor moved to 14:00

        await scheduler.ScheduleAsync(FollowUp("overdue", Start.AddMinutes(-30)), default); // due hours ago
        Assert.Equal(1, await scheduler.TickAsync(default));
        Assert.Equal("overdue", Assert.Single(handler.Calls).Reminder.Id);
    }

    [Fact]
    public async Task A_cancelled_reminder_is_not_handled_and_cancelling_an_unknown_one_is_harmless()
    {
        var handler = new RecordingReminderHandler();
        var scheduler = NewScheduler(handler);
        var kept = FollowUp("kept", Start.AddMinutes(10));
        var cancelled = FollowUp("cancelled", Start.AddMinutes(10));
        await scheduler.ScheduleAsync(kept, default);
        await scheduler.ScheduleAsync(cancelled, default);

        await scheduler.CancelAsync(cancelled.Id, cancelled.DueAt, default);
        await scheduler.CancelAsync(cancelled.Id, cancelled.DueAt, default);
        await scheduler.CancelAsync("never-scheduled", Start, default);
        clock.Advance(TimeSpan.FromMinutes(15));

        Assert.Equal(1, await scheduler.TickAsync(default));
        Assert.Equal("kept", Assert.Single(handler.Calls).Reminder.Id);
    }

    [Fact]
    public async Task A_reminder_put_back_for_a_retry_is_still_cancelled_by_its_original_due_time()
    {
        var handler = new RecordingReminderHandler { Respond = (_, _, _) => Task.FromResult(ReminderOutcome.RetryLater) };
        var scheduler = NewScheduler(handler);
        var reminder = FollowUp("retrying", Start.AddMinutes(1));
        await scheduler.ScheduleAsync(reminder, default);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await scheduler.TickAsync(default));

        await scheduler.CancelAsync(reminder.Id, reminder.DueAt, default);
        clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await scheduler.TickAsync(default));
        Assert.Single(handler.Calls);
    }

    [Fact]
    public async Task Scheduling_the_same_id_twice_fires_once()
    {
        var handler = new RecordingReminderHandler("a");
        var a = NewScheduler(handler, "a");
        var b = NewScheduler(handler.For("b"), "b");
        var reminder = FollowUp("twice", Start.AddMinutes(3));
        await a.ScheduleAsync(reminder, default);
        await b.ScheduleAsync(reminder, default);
        await a.ScheduleManyAsync([reminder, reminder], default);

        clock.Advance(TimeSpan.FromMinutes(5));
        await Task.WhenAll(a.TickAsync(default), b.TickAsync(default));
        clock.Advance(TimeSpan.FromMinutes(5));
        await Task.WhenAll(a.TickAsync(default), b.TickAsync(default));

        Assert.Equal("twice", Assert.Single(handler.Calls).Reminder.Id);
    }

    [Fact]
    public async Task RetryLater_is_retried_after_the_back_off_and_not_before()
    {
        var handler = new RecordingReminderHandler
        {
            Respond = (_, attempt, _) => Task.FromResult(attempt == 1 ? ReminderOutcome.RetryLater : ReminderOutcome.Delivered),
        };
        var scheduler = NewScheduler(handler);
        await scheduler.ScheduleAsync(FollowUp("throttled", Start.AddMinutes(1)), default);

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await scheduler.TickAsync(default));          // attempt 1: RetryLater, back-off 1 min
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, await scheduler.TickAsync(default));          // not before
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await scheduler.TickAsync(default));          // attempt 2: Delivered
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await scheduler.TickAsync(default));

        Assert.Equal([1, 2], handler.Calls.Select(c => c.Attempt));
    }

    [Fact]
    public async Task A_handler_that_throws_is_retried_later_with_the_next_attempt()
    {
        var handler = new RecordingReminderHandler
        {
            Respond = (_, attempt, _) => attempt == 1 ? throw new InvalidOperationException("bug") : Task.FromResult(ReminderOutcome.Obsolete),
        };
        var scheduler = NewScheduler(handler);
        await scheduler.ScheduleAsync(FollowUp("flaky", Start), default);

        Assert.Equal(1, await scheduler.TickAsync(default));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await scheduler.TickAsync(default));
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await scheduler.TickAsync(default));
        Assert.Equal([1, 2], handler.Calls.Select(c => c.Attempt));
    }

    [Fact]
    public async Task The_handler_gets_the_reminder_as_scheduled()
    {
        var handler = new RecordingReminderHandler();
        var scheduler = NewScheduler(handler);
        var reminder = new Reminder("p'1/x", ReminderKind.PromiseDue, "19:abc@thread.tacv2", "case-7", Start.AddTicks(12345), "29:staff", "Call Mrs O'Brien back");
        await scheduler.ScheduleAsync(reminder, default);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await scheduler.TickAsync(default));
        Assert.Equal(reminder, Assert.Single(handler.Calls).Reminder);
    }

    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(2);

    private static Reminder FollowUp(string id, DateTimeOffset dueAt) => new(id, ReminderKind.FollowUp, "team-1", "case-" + id, dueAt, "staff-1");

    private ReminderScheduler NewScheduler(IReminderHandler handler, string instance = "solo")
    {
        var scheduler = new ReminderScheduler(
            new TableReminderStore(Service(), Names(), new TableGroupCommit()),
            handler,
            Options.Create(new ReminderOptions { InstanceId = instance, LeaseDuration = LeaseDuration, TickInterval = TimeSpan.FromSeconds(30) }),
            clock,
            NullLogger<ReminderScheduler>.Instance);
        schedulers.Add(scheduler);
        return scheduler;
    }

    private TableServiceClient Service() => new(azurite.ConnectionString);

    private TableNames Names() => new(Options.Create(new StorageOptions { TablePrefix = prefix }));
}
