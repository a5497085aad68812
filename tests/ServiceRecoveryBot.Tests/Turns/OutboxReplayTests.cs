using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServiceRecoveryBot.Conversations;
using ServiceRecoveryBot.Turns;
using ServiceRecoveryBot.Turns.Effects;
using ServiceRecoveryBot.Turns.References;
using ServiceRecoveryBot.Turns.State;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Storage;
using ServiceRecoveryBot.Testing;
using ServiceRecoveryBot.Tests.Conversations;

namespace ServiceRecoveryBot.Tests.Turns;

/// <summary>
/// A turn's effects are committed with its state and leave it once they ran; the ones this process did not see run
/// (a restart) or whose retries gave up (an outage) run again, but only once they are old enough not to be another
/// instance's work in progress.
/// </summary>
public sealed class OutboxReplayTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private const int GaveUp = 1012;

    [Fact]
    public async Task A_turn_commits_its_effects_and_the_next_turn_drops_them_once_they_ran()
    {
        using var bot = new BotHarness();
        var chat = bot.Chat();

        await chat.SayAsync(RecoveryScript.UpToTheClose[0]);
        var opened = await OutboxAsync(bot);
        await chat.SayAsync("1");

        var pending = Assert.Single(opened);
        Assert.Contains(pending.Effects, e => e is CreateCase);
        Assert.DoesNotContain(await OutboxAsync(bot), p => p.Id == pending.Id);
    }

    [Fact]
    public async Task A_case_save_whose_retries_gave_up_stays_in_the_state_and_runs_before_the_next_message()
    {
        var logger = new CapturingLogger<Outbox>();
        using var bot = new BotHarness(configure: services => services.AddSingleton<ILogger<Outbox>>(logger));
        var chat = bot.Chat();
        await chat.SayEachAsync(RecoveryScript.UpToTheClose);
        var failures = new SemaphoreSlim(0);
        bot.Cases.SaveFailed += () => failures.Release();
        bot.Cases.SavesToFail = 1 + Outbox.RetryDelays.Length;

        await chat.SayAsync("ok");
        await UntilTheRetriesGiveUpAsync(bot, failures, logger);
        var id = Assert.Single(bot.Cases.All).Id;
        Assert.NotEqual(CaseStatus.AwaitingFollowUp, Assert.Single(bot.Cases.All).Status);
        Assert.Contains(await OutboxAsync(bot), p => p.Effects.OfType<SaveCase>().Any(s => s.Case.Status == CaseStatus.AwaitingFollowUp));

        var shown = await chat.SayAsync("show " + id.Value);

        Assert.Equal(CaseStatus.AwaitingFollowUp, Assert.Single(bot.Cases.All).Status);
        Assert.Contains(shown, r => r.Contains("awaiting follow-up", StringComparison.Ordinal));
        Assert.DoesNotContain(await OutboxAsync(bot), p => p.Effects.OfType<SaveCase>().Any());
    }

    [Fact]
    public async Task Effects_this_process_did_not_run_are_run_once_and_only_when_old_enough_to_be_nobody_elses()
    {
        using var bot = new BotHarness();
        var outbox = bot.Get<Outbox>();
        var key = new ConversationKey("msteams", "a:from-a-restart");
        var c = RecoveryCase.Open(new CaseId("SR-7K3Q"), "local", "staff-1", "Sam", "Cold breakfast in 1207", bot.Clock.GetUtcNow());
        var young = new CommittedTurn("activity-young", bot.Clock.GetUtcNow().AddSeconds(-5), [new SaveCase(c)]);
        var old = young with { Id = "activity-old", CommittedAt = bot.Clock.GetUtcNow().AddSeconds(-31) };
        var saves = 0;
        bot.Cases.Saved += _ => Interlocked.Increment(ref saves);

        await outbox.ReplayAsync(key, [young]);
        Assert.Empty(bot.Cases.All);

        await outbox.ReplayAsync(key, [old]);
        await outbox.ReplayAsync(key, [old]);
        Assert.Equal(c.WhatHappened, Assert.Single(bot.Cases.All).WhatHappened);
        Assert.Equal(1, Volatile.Read(ref saves));

        Assert.Null(outbox.Next(key, [old], null));
        Assert.Equal([young], outbox.Next(key, [young, old], null)!);
    }

    [Fact]
    public async Task A_replay_after_the_retries_gave_up_goes_on_from_the_effect_they_gave_up_on()
    {
        var logger = new CapturingLogger<Outbox>();
        using var bot = new BotHarness(configure: services => services.AddSingleton<ILogger<Outbox>>(logger));
        var outbox = bot.Get<Outbox>();
        var key = new ConversationKey("test", "conv-1");
        var sent = RecoveryCase.Open(new CaseId("SR-AAAA"), "local", "staff-1", "Sam", "Approval card sent", bot.Clock.GetUtcNow());
        var failing = RecoveryCase.Open(new CaseId("SR-BBBB"), "local", "staff-1", "Sam", "Storage went down", bot.Clock.GetUtcNow());
        var savedFirst = 0;
        var failures = new SemaphoreSlim(0);
        bot.Cases.Saved += c =>
        {
            if (c.Id != sent.Id) return;
            Interlocked.Increment(ref savedFirst);
            bot.Cases.SavesToFail = 1 + Outbox.RetryDelays.Length;
        };
        bot.Cases.SaveFailed += () => failures.Release();
        var pending = new CommittedTurn("a1", bot.Clock.GetUtcNow(), [new SaveCase(sent), new SaveCase(failing)]);

        await outbox.RunAsync(key, pending);
        await UntilTheRetriesGiveUpAsync(bot, failures, logger);
        await outbox.ReplayAsync(key, [pending]);

        Assert.Equal(1, Volatile.Read(ref savedFirst));
        Assert.Equal(2, bot.Cases.All.Count);
        Assert.Null(outbox.Next(key, [pending], null));
    }

    [Fact]
    public async Task The_sweep_goes_on_past_a_conversation_whose_row_cannot_be_read()
    {
        var states = new InMemoryConversationStateStore();
        var bad = new ConversationKey("msteams", "a:bad-row");
        using var bot = new BotHarness(configure: services => services.AddSingleton<IConversationStateStore>(new UnreadableFirst(states, bad)));
        var c = RecoveryCase.Open(new CaseId("SR-7K3Q"), "local", "staff-1", "Sam", "Cold soup in 4", bot.Clock.GetUtcNow());
        var committed = bot.Clock.GetUtcNow().AddSeconds(-31);
        await states.TrySaveAsync(bad, new ConversationState { Outbox = [new CommittedTurn("a-bad", committed, [new SaveCase(c)])] }, null, CancellationToken.None);
        await states.TrySaveAsync(new ConversationKey("msteams", "a:good-row"),
            new ConversationState { Outbox = [new CommittedTurn("a-good", committed, [new SaveCase(c)])] }, null, CancellationToken.None);

        await bot.Get<Outbox>().SweepAsync(CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(c.WhatHappened, Assert.Single(bot.Cases.All).WhatHappened);
    }

    [Fact]
    public void Every_effect_kind_is_named_for_storage()
    {
        var named = typeof(Effect).GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => a.DerivedType).ToHashSet();
        var kinds = typeof(Effect).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Effect)) && !t.IsAbstract);

        Assert.All(kinds, kind => Assert.Contains(kind, named));
    }

    [Fact]
    public void A_state_with_every_kind_of_effect_reads_back_as_it_was_written()
    {
        var at = new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero);
        var c = RecoveryCase.Open(new CaseId("SR-7K3Q"), "team-1", "staff-1", "Sam", "Steak overcooked twice", at);
        var activity = new Activity
        {
            Type = ActivityTypes.Message, Id = "1", ChannelId = "msteams", ServiceUrl = "https://smba.example/",
            Conversation = new ConversationAccount { Id = "19:managers", ConversationType = "channel" }, Text = "approve SR-7K3Q",
        };
        var reference = StoredReference.From(activity, "team-1", team: null, at);
        Effect[] all =
        [
            new CreateCase(c), new SaveCase(c), new ScheduleFollowUp(c, AndPromise: true), new RequestApproval(c, at),
            new RememberConversation(reference), new ForgetConversation("team-1", "19:managers"),
            new RegisterManagerChannel(reference, "manager-1", at), new AddManager("team-1", "29:m", "29:admin"),
            new ScheduleDigest("team-1", at), new TellStaff("team-1", "staff-1", "Approved."),
            new ReplaceCard("https://smba.example/", activity), new CountToneFlags(["legal"]),
        ];
        Assert.Equal(typeof(Effect).GetCustomAttributes<JsonDerivedTypeAttribute>().Count(), all.Select(e => e.GetType()).Distinct().Count());
        var state = new ConversationState { Outbox = [new CommittedTurn("1", at, all)] };

        var json = JsonSerializer.Serialize(state, StorageJson.Options);
        var read = JsonSerializer.Deserialize<ConversationState>(json, StorageJson.Options)!;

        Assert.Equal(all.Select(e => e.GetType()), Assert.Single(read.Outbox!).Effects.Select(e => e.GetType()));
        Assert.Equal(json, JsonSerializer.Serialize(read, StorageJson.Options));
    }

    /// <summary>Waits for the first failed save, then lets each retry delay pass and its attempt fail, until the retries give up.</summary>
    private static async Task UntilTheRetriesGiveUpAsync(BotHarness bot, SemaphoreSlim failures, CapturingLogger<Outbox> logger)
    {
        Assert.True(await failures.WaitAsync(Bound));
        foreach (var delay in Outbox.RetryDelays)
        {
            bot.Clock.Advance(delay);
            Assert.True(await failures.WaitAsync(Bound));
        }
        await logger.Logged(GaveUp).WaitAsync(Bound);
    }

    /// <summary>A state store whose sweep finds <paramref name="bad"/> first, and whose row there cannot be read.</summary>
    private sealed class UnreadableFirst(InMemoryConversationStateStore inner, ConversationKey bad) : IConversationStateStore
    {
        public Task<StoredConversationState?> LoadAsync(ConversationKey key, CancellationToken ct) =>
            key == bad ? throw new InvalidOperationException("The row cannot be read (simulated).") : inner.LoadAsync(key, ct);

        public Task<StateSaveResult> TrySaveAsync(ConversationKey key, ConversationState state, string? etag, CancellationToken ct) =>
            inner.TrySaveAsync(key, state, etag, ct);

        public async IAsyncEnumerable<ConversationKey> WithPendingEffectsAsync(
            DateTimeOffset committedBefore, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
        {
            yield return bad;
            await foreach (var key in inner.WithPendingEffectsAsync(committedBefore, ct))
            {
                if (key != bad) yield return key;
            }
        }
    }

    private static async Task<IReadOnlyList<CommittedTurn>> OutboxAsync(BotHarness bot) =>
        (await bot.States.LoadAsync(new ConversationKey("test", "conv-1"), CancellationToken.None))?.State.Outbox ?? [];
}
