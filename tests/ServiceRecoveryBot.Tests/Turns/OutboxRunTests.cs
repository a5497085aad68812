using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ServiceRecoveryBot.Conversations;
using ServiceRecoveryBot.Turns;
using ServiceRecoveryBot.Turns.Effects;
using ServiceRecoveryBot.Turns.State;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Storage;
using ServiceRecoveryBot.Testing;
using ServiceRecoveryBot.Tests.Conversations;

namespace ServiceRecoveryBot.Tests.Turns;

/// <summary>
/// A committed turn's effects run in order, whatever the caller does; one that fails is retried with what follows it,
/// and the staff member still gets the turn's replies.
/// </summary>
public sealed class OutboxRunTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private const int Failed = 1010;
    private const int Recovered = 1011;
    private const int GaveUp = 1012;
    private const int FailedForGood = 1013;

    private static readonly ConversationKey Conversation = new("test", "conv-1");

    private readonly FakeTimeProvider clock = new();
    private readonly List<string> ran = [];

    [Fact]
    public async Task Effects_run_once_each_in_the_order_they_were_registered()
    {
        using var bot = Harness();
        var effects = bot.Get<Outbox>();

        await effects.RunAsync(Conversation, [Record("save"), Record("remind"), Record("notify")], "a1");

        Assert.Equal(["save", "remind", "notify"], ran);
    }

    [Fact]
    public async Task A_failed_effect_is_retried_with_the_ones_after_it_and_the_ones_before_are_not_repeated()
    {
        using var bot = Harness();
        var effects = bot.Get<Outbox>();
        var failures = 1;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        await effects.RunAsync(Conversation, [Record("save"), FailingFirst("remind", () => failures-- > 0), Record("notify", done)], "a1");
        Assert.Equal(["save", "remind failed"], ran);

        clock.Advance(Outbox.RetryDelays[0]);
        await done.Task.WaitAsync(Bound);

        Assert.Equal(["save", "remind failed", "remind", "notify"], ran);
    }

    [Fact]
    public async Task An_effect_that_keeps_failing_is_tried_once_per_retry_delay_then_given_up_with_an_error()
    {
        var logger = new CapturingLogger<Outbox>();
        using var bot = Harness(logger);
        var effects = bot.Get<Outbox>();
        var attempts = new SemaphoreSlim(0);

        await effects.RunAsync(Conversation, [_ => { attempts.Release(); throw new InvalidOperationException("down"); }], "a1");
        Assert.True(await attempts.WaitAsync(Bound));
        foreach (var delay in Outbox.RetryDelays)
        {
            clock.Advance(delay);
            Assert.True(await attempts.WaitAsync(Bound));
        }
        await logger.Logged(GaveUp).WaitAsync(Bound);

        Assert.Equal(1 + Outbox.RetryDelays.Length, logger.Entries.Count(e => e.Level == LogLevel.Warning));
        Assert.Equal(LogLevel.Error, Assert.Single(logger.Entries, e => e.EventId.Id == GaveUp).Level);
        Assert.Equal(0, attempts.CurrentCount);
    }

    [Theory]
    [InlineData(nameof(CaseIdTakenException))]
    [InlineData(nameof(TableLimitException))]
    public async Task A_failure_no_retry_can_mend_is_logged_as_an_error_at_once_and_the_effects_after_it_still_run(string kind)
    {
        var logger = new CapturingLogger<Outbox>();
        using var bot = Harness(logger);
        var effects = bot.Get<Outbox>();

        await effects.RunAsync(Conversation, [Record("save"), FailingForGood("remind", kind), Record("notify")], "a1");

        Assert.Equal(["save", "remind failed", "notify"], ran);
        var error = Assert.Single(logger.Entries, e => e.EventId.Id == FailedForGood);
        Assert.Equal(LogLevel.Error, error.Level);
        Assert.Contains(error.State, kv => kv.Key == "Index" && Equals(kv.Value, 2));
        Assert.Contains(error.State, kv => kv.Key == "Count" && Equals(kv.Value, 3));
        Assert.Contains(error.State, kv => kv.Key == "ActivityId" && Equals(kv.Value, "a1"));
        Assert.DoesNotContain(logger.Entries, e => e.EventId.Id == Failed);
        Assert.True(effects.SettledAsync(Conversation).IsCompleted);
    }

    [Theory]
    [InlineData(nameof(CaseIdTakenException))]
    [InlineData(nameof(TableLimitException))]
    public async Task A_failure_no_retry_can_mend_is_tried_once_while_a_later_outage_is_retried_past_every_delay(string kind)
    {
        var logger = new CapturingLogger<Outbox>();
        using var bot = Harness(logger);
        var effects = bot.Get<Outbox>();
        var forGood = 0;
        var outage = new SemaphoreSlim(0);

        await effects.RunAsync(Conversation,
            [_ => { Interlocked.Increment(ref forGood); throw Permanent(kind); }, _ => { outage.Release(); throw new InvalidOperationException("down"); }], "a1");
        Assert.True(await outage.WaitAsync(Bound));
        foreach (var delay in Outbox.RetryDelays)
        {
            clock.Advance(delay);
            Assert.True(await outage.WaitAsync(Bound), "The effect after the permanent failure was not retried.");
        }
        await logger.Logged(GaveUp).WaitAsync(Bound);

        Assert.Equal(1, Volatile.Read(ref forGood));
        Assert.Equal(LogLevel.Error, Assert.Single(logger.Entries, e => e.EventId.Id == FailedForGood).Level);
        Assert.Equal(1 + Outbox.RetryDelays.Length, logger.Entries.Count(e => e.EventId.Id == Failed));
    }

    [Fact]
    public async Task A_retry_that_meets_a_failure_no_retry_can_mend_stops_retrying_it_and_runs_the_rest()
    {
        var logger = new CapturingLogger<Outbox>();
        using var bot = Harness(logger);
        var effects = bot.Get<Outbox>();
        var attempts = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        await effects.RunAsync(Conversation,
            [_ => throw (Interlocked.Increment(ref attempts) == 1 ? new InvalidOperationException("down") : Permanent(nameof(CaseIdTakenException))), Record("notify", done)], "a1");
        Assert.Empty(ran);
        clock.Advance(Outbox.RetryDelays[0]);
        await done.Task.WaitAsync(Bound);
        await logger.Logged(Recovered).WaitAsync(Bound);
        foreach (var delay in Outbox.RetryDelays.Skip(1)) clock.Advance(delay);

        Assert.Equal(["notify"], ran);
        Assert.Equal(2, Volatile.Read(ref attempts));
        Assert.Equal(LogLevel.Error, Assert.Single(logger.Entries, e => e.EventId.Id == FailedForGood).Level);
        Assert.DoesNotContain(logger.Entries, e => e.EventId.Id == GaveUp);
    }

    [Fact]
    public async Task Retries_still_waiting_at_shutdown_give_up_and_say_so()
    {
        var logger = new CapturingLogger<Outbox>();
        using var bot = Harness(logger);
        var effects = bot.Get<Outbox>();
        var attempts = 0;

        await effects.RunAsync(Conversation, [_ => { attempts++; throw new InvalidOperationException("down"); }], "a1");
        effects.Dispose();
        await logger.Logged(GaveUp).WaitAsync(Bound);

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task A_case_save_that_fails_at_the_end_of_a_recovery_still_answers_the_staff_member_and_lands_on_the_retry()
    {
        using var bot = new BotHarness();
        var chat = await AnsweredUpToTheCloseAsync(bot);

        bot.Cases.SavesToFail = 1;
        var replies = await chat.SayAsync("ok");

        Assert.Contains(replies, r => r.Contains("SR-", StringComparison.Ordinal));
        Assert.NotEqual(CaseStatus.AwaitingFollowUp, Assert.Single(bot.Cases.All).Status);

        var saved = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bot.Cases.Saved += c => { if (c.Status == CaseStatus.AwaitingFollowUp) saved.TrySetResult(); };
        bot.Clock.Advance(Outbox.RetryDelays[0]);
        await saved.Task.WaitAsync(Bound);

        Assert.Equal(CaseStatus.AwaitingFollowUp, Assert.Single(bot.Cases.All).Status);
    }

    [Fact]
    public async Task A_conversation_is_settled_once_the_effects_of_its_last_turn_have_run()
    {
        using var bot = Harness();
        var effects = bot.Get<Outbox>();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var run = effects.RunAsync(Conversation, [async _ => { await release.Task; ran.Add("save"); }], "a1");
        var settled = effects.SettledAsync(Conversation);

        Assert.False(settled.IsCompleted);
        Assert.True(effects.SettledAsync(new ConversationKey("test", "conv-2")).IsCompleted);
        release.SetResult();
        await settled.WaitAsync(Bound);
        await run.WaitAsync(Bound);
        Assert.Equal(["save"], ran);
        Assert.True(effects.SettledAsync(Conversation).IsCompleted);
    }

    [Fact]
    public async Task The_summary_reaches_the_staff_member_while_the_case_is_still_being_saved()
    {
        using var bot = new BotHarness();
        var chat = await AnsweredUpToTheCloseAsync(bot);
        var release = HoldCaseSaves(bot);

        var closing = chat.SayAsync("ok");
        var summary = await chat.NextReplyAsync(IsSummary).WaitAsync(Bound);

        Assert.False(closing.IsCompleted);
        Assert.NotEqual(CaseStatus.AwaitingFollowUp, Assert.Single(bot.Cases.All).Status);
        release.SetResult();
        await closing.WaitAsync(Bound);
        Assert.Equal(CaseStatus.AwaitingFollowUp, Assert.Single(bot.Cases.All).Status);
        Assert.Contains(Assert.Single(bot.Cases.All).Id.Value, summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_next_message_waits_for_the_previous_turns_case_save_and_finds_the_case()
    {
        using var bot = new BotHarness();
        var chat = await AnsweredUpToTheCloseAsync(bot);
        var release = HoldCaseSaves(bot);
        var closing = bot.Turns.ProcessAsync(chat.Message("ok"), CancellationToken.None);
        await chat.NextReplyAsync(IsSummary).WaitAsync(Bound);
        var id = Assert.Single(bot.Cases.All).Id.Value;

        var show = bot.Turns.ProcessAsync(chat.Message("show " + id), CancellationToken.None);
        Assert.False(show.IsCompleted);
        release.SetResult();
        await Task.WhenAll(closing, show).WaitAsync(Bound);

        var shown = chat.Replies()[^1];
        Assert.True(IsSummary(shown), shown);
        Assert.Contains("awaiting follow-up", shown, StringComparison.Ordinal);
    }

    /// <summary>The real pipeline with this test's clock (and logger, when given): the outbox under test is its own.</summary>
    private BotHarness Harness(ILogger<Outbox>? logger = null) => new(configure: services =>
    {
        services.AddSingleton<TimeProvider>(clock);
        if (logger is not null) services.AddSingleton(logger);
    });

    /// <summary>A recovery answered up to its last message, the "ok" that closes the case (and saves it).</summary>
    private static async Task<ChatDriver> AnsweredUpToTheCloseAsync(BotHarness bot)
    {
        var chat = bot.Chat();
        await chat.SayEachAsync(RecoveryScript.UpToTheClose);
        return chat;
    }

    /// <summary>Holds every case save in flight until the returned source is set.</summary>
    private static TaskCompletionSource HoldCaseSaves(BotHarness bot)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bot.Cases.SavesWaitFor = release.Task;
        return release;
    }

    private static bool IsSummary(string reply) => reply.StartsWith("**Case ", StringComparison.Ordinal);

    private Func<CancellationToken, Task> Record(string name, TaskCompletionSource? done = null) => _ =>
    {
        ran.Add(name);
        done?.TrySetResult();
        return Task.CompletedTask;
    };

    private Func<CancellationToken, Task> FailingForGood(string name, string kind) => _ =>
    {
        ran.Add(name + " failed");
        throw Permanent(kind);
    };

    /// <summary>A failure that a retry meets again: another case holds the id, or a write breaks a table limit.</summary>
    private static InvalidOperationException Permanent(string kind) => kind switch
    {
        nameof(CaseIdTakenException) => new CaseIdTakenException(new CaseId("SR-TAKEN")),
        nameof(TableLimitException) => new TableLimitException("A string holds at most 32768 characters (simulated)."),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private Func<CancellationToken, Task> FailingFirst(string name, Func<bool> fail) => _ =>
    {
        if (!fail()) return Record(name)(default);
        ran.Add(name + " failed");
        throw new InvalidOperationException("Storage is unavailable (simulated).");
    };
}
