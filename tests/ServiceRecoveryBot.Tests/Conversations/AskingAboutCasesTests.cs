using ServiceRecoveryBot.Conversations;
using ServiceRecoveryBot.Testing;
using ServiceRecoveryBot.Text;

namespace ServiceRecoveryBot.Tests.Conversations;

/// <summary>The domain's questions about cases (section 5.1) are answered, not taken for new incidents.</summary>
public sealed class AskingAboutCasesTests
{
    [Fact]
    public async Task Asking_whether_anyone_called_a_guest_back_finds_their_case_and_opens_none()
    {
        using var bot = new BotHarness();
        await bot.Chat("conv-night", "staff-night").SayEachAsync("No reservation on file for the Okafor couple but they have our website confirmation. We're sold out.", "1");
        var opened = Assert.Single(bot.Cases.All);

        var answer = await bot.Chat("conv-day", "staff-day").SayAsync("Did anyone call back the Okafor couple from last night?");

        Assert.Contains(answer, r => r.Contains(opened.Id.Value, StringComparison.Ordinal) && r.Contains("Okafor", StringComparison.Ordinal));
        Assert.Single(bot.Cases.All);
    }

    [Fact]
    public async Task A_search_finds_a_case_by_the_customers_name_given_in_the_case()
    {
        using var bot = new BotHarness();
        await bot.Chat("conv-1").SayEachAsync("Room service breakfast arrived cold", "1", "Mr Hendricks", "regular", "pause");
        var paused = Assert.Single(bot.Cases.All);

        var answer = Assert.Single(await bot.Chat("conv-2", "staff-2").SayAsync("Any news on Mr Hendricks?"));

        Assert.Contains($"{paused.Id} · paused · Mr Hendricks · Room service breakfast arrived cold", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_colleague_finds_the_case_by_the_customers_name_while_the_recovery_is_still_going_on()
    {
        using var bot = new BotHarness();
        await bot.Chat("conv-1").SayEachAsync("Room service breakfast arrived cold", "1", "Mr Hendricks");
        var open = Assert.Single(bot.Cases.All);

        var answer = Assert.Single(await bot.Chat("conv-2", "staff-2").SayAsync("Any news on Mr Hendricks?"));

        Assert.Contains($"{open.Id} · in progress · Mr Hendricks · Room service breakfast arrived cold", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_that_matches_nothing_says_so_and_offers_a_way_on()
    {
        using var bot = new BotHarness();

        var answer = await bot.Chat().SayAsync("Any news on the Hendricks wedding party?");

        Assert.Contains(answer, r => r.Contains("No recent case mentions", StringComparison.Ordinal));
        Assert.Empty(bot.Cases.All);
    }

    [Fact]
    public async Task The_weekly_summary_counts_the_teams_cases_and_names_what_failed_most()
    {
        using var bot = new BotHarness(new Dictionary<string, string?> { ["Managers:Teams:0:TeamKey"] = "local", ["Managers:Teams:0:UserIds:0"] = "manager-1" });
        await bot.Chat("conv-1").SayEachAsync([.. RecoveryScript.UpToTheClose, "ok"]);
        await bot.Chat("conv-2", "staff-2").SayEachAsync("Drinks took 15 minutes at table 9", "1", "pause");

        var summary = await bot.Chat("conv-3", "manager-1").SayAsync("Give me this week's recovery summary for the Harbour Street store.");

        var text = Assert.Single(summary);
        text = text[(text.IndexOf("\n\n", StringComparison.Ordinal) + 2)..];
        Assert.StartsWith("Last 7 days: 2 cases — 0 closed, 1 awaiting follow-up, 1 in progress or paused.", text, StringComparison.Ordinal);
        Assert.Contains("Most common: wait or delay (2).", text, StringComparison.Ordinal);
        Assert.Equal(2, bot.Cases.All.Count);
    }

    [Fact]
    public async Task My_open_follow_ups_lists_mine_with_when_they_are_due_and_how_to_record_one()
    {
        using var bot = new BotHarness();
        var chat = bot.Chat("conv-1");
        await chat.SayEachAsync([.. RecoveryScript.UpToTheClose, "ok"]);
        await bot.Chat("conv-2", "staff-2").SayEachAsync([.. RecoveryScript.UpToTheClose, "ok"]);
        var mine = bot.Cases.All.Single(c => c.StaffId == "staff-1");

        var listed = Assert.Single(await chat.SayAsync("Show me my open follow-ups."));

        Assert.StartsWith("Your follow-ups:", listed, StringComparison.Ordinal);
        Assert.Contains($"{mine.Id} · due {Replies.English.When(mine.FollowUpAt!.Value)}", listed, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Cases.All.Single(c => c.StaffId == "staff-2").Id.Value, listed, StringComparison.Ordinal);
        Assert.Contains($"Say \"follow up {mine.Id}\"", listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_overdue_follow_up_says_so()
    {
        using var bot = new BotHarness();
        var chat = bot.Chat();
        await chat.SayEachAsync([.. RecoveryScript.UpToTheClose, "ok"]);
        bot.Clock.Advance(TimeSpan.FromDays(3));

        Assert.Contains("(overdue)", Assert.Single(await chat.SayAsync("my follow-ups")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quiet_week_says_there_were_no_cases()
    {
        using var bot = new BotHarness();

        Assert.StartsWith("Last 7 days: no cases.", Assert.Single(await bot.Chat().SayAsync("weekly summary")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Did anyone call back the Okafor couple from last night?", CommandKind.Search, "the okafor couple from last night")]
    [InlineData("any update on room 305", CommandKind.Search, "room 305")]
    [InlineData("Give me this week's recovery summary for the Harbour Street store.", CommandKind.Summary, "7")]
    [InlineData("today's summary", CommandKind.Summary, "1")]
    [InlineData("monthly stats", CommandKind.Summary, "30")]
    [InlineData("Practice mode — give me a hard one.", CommandKind.Practice, null)]
    [InlineData("Show me my open follow-ups.", CommandKind.MyFollowUps, null)]
    [InlineData("follow ups due today", CommandKind.MyFollowUps, null)]
    [InlineData("practise", CommandKind.Practice, null)]
    [InlineData("Guest says the bill summary was wrong", CommandKind.None, null)]
    [InlineData("guest in 12 furious, steak overcooked twice", CommandKind.None, null)]
    public void The_domains_questions_are_commands_and_incidents_are_not(string text, CommandKind kind, string? argument) =>
        Assert.Equal(new Command(kind, argument), Commands.Parse(text));
}
