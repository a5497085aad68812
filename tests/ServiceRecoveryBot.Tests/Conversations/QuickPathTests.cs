using ServiceRecoveryBot.Conversations;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Recovery.Playbooks;
using ServiceRecoveryBot.Understanding;
using ServiceRecoveryBot.Text;

namespace ServiceRecoveryBot.Tests.Conversations;

/// <summary>The quick path (issue 22 points 1-4): the words to say first, then one pre-filled capture logs the case.</summary>
public sealed class QuickPathTests
{
    private static BotHarness Quick() => new(new Dictionary<string, string?> { ["Recovery:Walk"] = "Quick" });

    [Fact]
    public void The_quick_path_is_the_default()
    {
        Assert.Equal(RecoveryWalk.Quick, new RecoveryOptions().Walk);
    }

    [Fact]
    public async Task The_first_reply_gives_the_case_id_the_words_to_say_and_the_next_move_before_any_question()
    {
        using var bot = Quick();
        var replies = await bot.Chat().SayAsync("Guest at table 12 furious, steak overcooked twice \"this is the second time tonight, unacceptable\"");

        var first = replies[0];
        Assert.StartsWith("Case SR-", first, StringComparison.Ordinal);
        Assert.Contains("Say this now:", first, StringComparison.Ordinal);
        Assert.Contains(ApologyWording.AngerAcknowledged, first, StringComparison.Ordinal); // fitted to the quoted words' tone
        Assert.Contains("Then: Replace it straight away, prepared fresh.", first, StringComparison.Ordinal);
        Assert.DoesNotContain("?", first.Split("Say this now:")[0], StringComparison.Ordinal);
        Assert.Contains("Log SR-", replies[^1], StringComparison.Ordinal); // the question comes last
        Assert.DoesNotContain(replies, r => r.Contains("What kind of customer", StringComparison.Ordinal) || r.Contains("What kind of failure", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_guests_spanish_words_bring_a_sorry_in_spanish_into_the_first_reply()
    {
        using var bot = Quick();
        var replies = await bot.Chat().SayAsync("Guest in 214, no hot water for the third day: \"¡Es el tercer día sin agua caliente y nadie me hace caso!\"");

        Assert.Contains("In Spanish: _Lo siento mucho", replies[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_safety_flag_goes_to_a_manager_in_the_first_reply()
    {
        using var bot = Quick();
        var replies = await bot.Chat().SayAsync("Table 14 told us twice about a peanut allergy and the satay still came: \"If I hadn't looked I'd be in an ambulance right now\"");

        Assert.Contains("⚑", replies[0], StringComparison.Ordinal);
        Assert.Contains("duty manager", replies[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ok_logs_the_whole_case_in_two_turns_with_the_timeline_and_reminders_of_the_coached_walk()
    {
        using var bot = Quick();
        var chat = bot.Chat();
        await chat.SayAsync("Room service to 1207 took 50 minutes and the breakfast arrived cold, a regular: \"Fifty minutes for cold eggs.\"");
        bot.Clock.Advance(TimeSpan.FromSeconds(30));
        var done = await chat.SayAsync("ok");

        var stored = Assert.Single(bot.Cases.All);
        Assert.Contains(done, r => r.Contains(stored.Id.Value, StringComparison.Ordinal) && r.Contains("remind you to follow up", StringComparison.Ordinal));
        Assert.Equal(CaseStatus.AwaitingFollowUp, stored.Status);
        var suggested = bot.Get<IUnderstanding>().Understand(stored.WhatHappened, UnderstandingPurpose.CaseOpening, CancellationToken.None).Category;
        Assert.NotNull(suggested);
        Assert.Equal(suggested, stored.Category);
        Assert.Equal(new Customer(null, CustomerTier.Regular), stored.Customer);
        Assert.Equal(2, stored.Severity);
        Assert.NotNull(stored.Apology);
        Assert.Equal(bot.Get<RecoveryPlaybook>().For(suggested.Value).Fixes[0], stored.FixDone);
        Assert.Equal(ApprovalState.NotNeeded, stored.Atonement!.Approval);
        Assert.Equal(TimeSpan.FromSeconds(30), stored.TimeToAcknowledge);
        Assert.Equal(bot.Clock.GetUtcNow() + FollowUpTiming.OnSiteWithin, stored.FollowUpAt); // room service: the guest is still on site
        Assert.Equal(
            [CaseStep.Opened, CaseStep.Categorised, CaseStep.CustomerCaptured, CaseStep.SeveritySet, CaseStep.Apologised, CaseStep.Listened,
             CaseStep.Fixed, CaseStep.AtonementOffered, CaseStep.FollowUpScheduled],
            stored.Timeline.Select(e => e.Step));
        Assert.Contains(bot.Reminders.Scheduled, r => r.DueAt == stored.FollowUpAt);
    }

    [Fact]
    public async Task Typed_changes_are_taken_in_one_turn_and_an_offer_above_authority_goes_for_approval()
    {
        using var bot = Quick();
        var chat = bot.Chat();
        await chat.SayAsync("No reservation on file for the Okafor couple but they have our website confirmation");
        var done = await chat.SayAsync("severity 3; vip; offer: full refund of the night; promise: call them tomorrow by 6pm");

        var stored = Assert.Single(bot.Cases.All);
        Assert.Equal(3, stored.Severity);
        Assert.Equal(CustomerTier.Vip, stored.Customer!.Tier);
        Assert.Equal(ApprovalState.Pending, stored.Atonement!.Approval);
        Assert.Contains(stored.Timeline, e => e.Step == CaseStep.ApprovalRequested);
        Assert.Equal("call them tomorrow by 6pm", stored.Promise!.What);
        Assert.NotNull(stored.Promise.DueAt);
        Assert.Contains(done, r => r.Contains("pending manager approval", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Words_the_capture_does_not_understand_are_asked_again_and_log_nothing()
    {
        using var bot = Quick();
        var chat = bot.Chat();
        await chat.SayAsync("Wrong dish served at table 4, guest annoyed");
        var again = await chat.SayAsync("hmm the thing with the stuff");

        Assert.Equal(Replies.English.QuickCaptureRetry, again[^1]);
        Assert.Equal(CaseStatus.InProgress, Assert.Single(bot.Cases.All).Status);
    }

    [Fact]
    public async Task A_submitted_card_logs_what_the_staff_member_changed()
    {
        using var bot = Quick();
        var chat = bot.Chat();
        await chat.SayAsync("Wrong dish served at table 4, guest annoyed");
        var id = Assert.Single(bot.Cases.All).Id;
        await chat.SubmitValueAsync(new Dictionary<string, string>
        {
            ["step"] = $"quick:{id}", ["submit"] = "log", ["category"] = "ProductOrFoodQuality", ["customer"] = "Mrs Patel (table 4)",
            ["tier"] = "Regular", ["severity"] = "2", ["fix"] = "Remade the dish", ["atonement"] = "Dessert on the house", ["promise"] = "", ["followUp"] = "in 2 hours",
        });

        var stored = Assert.Single(bot.Cases.All);
        Assert.Equal(CaseStatus.AwaitingFollowUp, stored.Status);
        Assert.Equal("Remade the dish", stored.FixDone);
        Assert.Equal(new Customer("Mrs Patel (table 4)", CustomerTier.Regular), stored.Customer);
        Assert.Null(stored.Promise);
        Assert.Equal(bot.Clock.GetUtcNow().AddHours(2), stored.FollowUpAt);
    }

    [Fact]
    public async Task A_press_on_an_older_card_is_answered_as_old_and_the_current_question_shown_again()
    {
        using var bot = Quick();
        var chat = bot.Chat();
        await chat.SayAsync("Wrong dish served at table 4, guest annoyed");
        var first = Assert.Single(bot.Cases.All).Id;
        await chat.SayAsync("ok");
        await chat.SayAsync("Drinks took 25 minutes at table 9");

        var old = await chat.SubmitValueAsync(new Dictionary<string, string> { ["step"] = $"quick:{first}", ["submit"] = "log", ["severity"] = "4" });

        Assert.Equal(Replies.English.OldCard, old[0]);
        Assert.Contains("Log SR-", old[^1], StringComparison.Ordinal);
        Assert.Contains(bot.Cases.All, c => c.Id != first && c.Status == CaseStatus.InProgress && c.Severity is null);
    }

    [Fact]
    public async Task The_coached_walk_reaches_the_same_case_record_as_the_quick_path()
    {
        const string incident = "Room service to 1207 took 50 minutes and the breakfast arrived cold, a regular: \"Fifty minutes for cold eggs.\"";
        using var quickBot = Quick();
        await quickBot.Chat().SayEachAsync(incident, "ok");
        using var coachedBot = Quick();
        var chat = coachedBot.Chat();
        await chat.SayAsync(incident);
        var walk = await chat.SayAsync("walk me through it");
        var suggested = coachedBot.Get<IUnderstanding>().Understand(incident, UnderstandingPurpose.CaseOpening, CancellationToken.None).Category!.Value;
        Assert.Contains(walk, r => r.Contains(coachedBot.Get<RecoveryPlaybook>().For(suggested).Title.ToLowerInvariant(), StringComparison.Ordinal));
        await chat.SayEachAsync("yes", "yes", "done", "skip", "1", "1", "skip", "ok");

        var quick = Assert.Single(quickBot.Cases.All);
        var coached = Assert.Single(coachedBot.Cases.All);
        Assert.Equal(
            (quick.Status, quick.Category, quick.Customer, quick.Severity, quick.Apology, quick.FixDone, quick.Atonement, quick.Promise, quick.FollowUpAt),
            (coached.Status, coached.Category, coached.Customer, coached.Severity, coached.Apology, coached.FixDone, coached.Atonement, coached.Promise, coached.FollowUpAt));
        Assert.Equal(quick.Timeline.Select(e => e.Step).Order(), coached.Timeline.Select(e => e.Step).Order());
    }
}
