using ServiceRecoveryBot.Conversations;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Text;

namespace ServiceRecoveryBot.Tests.Conversations;

/// <summary>Issue 22 points 6-7: each message goes where it belongs; only incidents open cases; threats get safety first.</summary>
public sealed class MessageRoutingTests
{
    private static BotHarness Quick() => new(new Dictionary<string, string?> { ["Recovery:Walk"] = "Quick" });

    [Theory]
    [InlineData("¿cómo me disculpo con un cliente?")]
    [InlineData("how do I deal with a difficult guest?")]
    [InlineData("can I refund a customer myself?")]
    [InlineData("delete SR-7K3Q")]
    [InlineData("close SR-7K3Q")]
    [InlineData("😡😡😡😡")]
    [InlineData("asdfghjkl")]
    [InlineData("thanks!")]
    [InlineData("list my cases")]
    public async Task A_message_that_is_no_incident_opens_no_case(string message)
    {
        using var bot = Quick();
        var replies = await bot.Chat().SayAsync(message);

        Assert.NotEmpty(replies);
        Assert.Empty(bot.Cases.All);
        Assert.DoesNotContain(replies, r => r.Contains("opened", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_question_in_spanish_is_answered_as_guidance_and_says_the_guidance_is_english()
    {
        using var bot = Quick();
        var replies = await bot.Chat().SayAsync("¿cómo me disculpo con un cliente?");

        Assert.Contains(replies, r => r.Contains(Replies.English.GuidanceInEnglish, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_message_staff_say_is_a_case_opens_one_whatever_it_reads_like()
    {
        using var bot = Quick();
        await bot.Chat().SayAsync("new case: why is the guest in 14 still waiting?");

        Assert.Single(bot.Cases.All);
    }

    [Fact]
    public async Task An_unclear_message_asks_did_you_mean_with_buttons_and_opens_nothing()
    {
        using var bot = Quick();
        var chat = bot.Chat();
        var replies = await chat.SayAsync("the thing from earlier with the manager");

        Assert.Equal(Replies.English.DidYouMean, replies[^1]);
        var buttons = chat.AllActivities()[^1].SuggestedActions!.Actions.Select(a => a.Title);
        Assert.Equal([Replies.English.NewCaseButton, Replies.English.QuestionButton, Replies.English.MyCasesButton], buttons);
        Assert.Empty(bot.Cases.All);
        await chat.SayAsync("new case: the thing from earlier with the manager");
        Assert.Single(bot.Cases.All);
    }

    [Fact]
    public async Task A_drunk_guest_threatening_staff_gets_the_safety_steps_no_apology_and_is_recorded_for_the_manager()
    {
        using var bot = Quick();
        var replies = await bot.Chat().SayAsync("drunk guest at the bar threatening staff, says he'll punch someone");

        var safety = Assert.Single(replies);
        Assert.Contains(Replies.English.SafetyHeading, safety, StringComparison.Ordinal);
        Assert.Contains("duty manager", safety, StringComparison.Ordinal);
        Assert.DoesNotContain("Apologi", safety, StringComparison.Ordinal);
        Assert.DoesNotContain("sorry", safety, StringComparison.OrdinalIgnoreCase);
        var recorded = Assert.Single(bot.Cases.All);
        Assert.Equal(FailureCategory.SafetyOrHealth, recorded.Category);
        Assert.True(recorded.NeedsManagerAttention);
        Assert.Null(recorded.Apology);
    }

    [Fact]
    public async Task My_cases_mid_case_lists_them_and_asks_the_current_question_again()
    {
        using var bot = Quick();
        var chat = bot.Chat();
        await chat.SayAsync("Wrong dish served at table 4, guest annoyed");
        var replies = await chat.SayAsync("my cases");

        Assert.StartsWith("Your open cases:", replies[0], StringComparison.Ordinal);
        Assert.Equal(Replies.English.BackToCase, replies[1]);
        Assert.Contains("Log SR-", replies[^1], StringComparison.Ordinal);
        await chat.SayAsync("ok");
        Assert.Equal(CaseStatus.AwaitingFollowUp, Assert.Single(bot.Cases.All).Status);
    }

    [Fact]
    public async Task New_case_mid_case_pauses_the_current_one_and_resume_brings_it_back()
    {
        using var bot = Quick();
        var chat = bot.Chat();
        await chat.SayAsync("Wrong dish served at table 4, guest annoyed");
        var first = Assert.Single(bot.Cases.All).Id;
        var replies = await chat.SayAsync("new case: drinks took 25 minutes at table 9");

        Assert.Contains(replies, r => r.StartsWith($"Paused {first}", StringComparison.Ordinal));
        Assert.Equal(2, bot.Cases.All.Count);
        var resumed = await chat.SayAsync($"resume {first}");
        Assert.Contains(resumed, r => r.StartsWith($"Resuming {first}", StringComparison.Ordinal));
        Assert.Equal(CaseStatus.Paused, bot.Cases.All.Single(c => c.Id != first).Status);
    }

    [Fact]
    public async Task A_case_opened_by_mistake_is_discarded_kept_in_its_timeline_and_out_of_lists_and_figures()
    {
        using var bot = Quick();
        var chat = bot.Chat();
        await chat.SayAsync("Wrong dish served at table 4, guest annoyed");
        var id = Assert.Single(bot.Cases.All).Id;

        var replies = await chat.SayAsync($"discard {id}");

        Assert.Equal(Replies.English.Discarded(id), replies[0]);
        var discarded = Assert.Single(bot.Cases.All);
        Assert.Equal(CaseStatus.Discarded, discarded.Status);
        Assert.Equal(CaseStep.Discarded, discarded.Timeline[^1].Step);
        Assert.Equal([Replies.English.NoCases], await chat.SayAsync("my cases"));
        Assert.Contains(await chat.SayAsync("this week's summary"), r => r.Contains("no cases", StringComparison.Ordinal));
        Assert.Contains(await chat.SayAsync($"show {id}"), r => r.Contains("discarded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Delete_of_a_closed_or_unknown_case_is_refused_and_changes_nothing()
    {
        using var bot = Quick();
        var chat = bot.Chat();
        await chat.SayEachAsync("Wrong dish served at table 4, guest annoyed", "ok");
        var id = Assert.Single(bot.Cases.All).Id;

        Assert.Equal([Replies.English.CannotDiscard(Assert.Single(bot.Cases.All))], await chat.SayAsync($"delete {id}"));
        Assert.Equal(CaseStatus.AwaitingFollowUp, Assert.Single(bot.Cases.All).Status);
        Assert.Contains("can't find", (await chat.SayAsync("delete SR-ZZZZ"))[0], StringComparison.Ordinal);
    }
}
