using ServiceRecoveryBot.Conversations;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Text;

namespace ServiceRecoveryBot.Tests.Conversations;

/// <summary>"my cases": what a staff member still has open, through the real pipeline.</summary>
public sealed class CaseListTests
{
    [Fact]
    public async Task My_cases_lists_the_staff_members_own_open_cases_newest_first_with_status_and_severity()
    {
        using var bot = new BotHarness();
        var sam = bot.Chat("conv-sam", "staff-1");
        await sam.SayEachAsync("Room service to 1207 took 50 minutes and the breakfast arrived cold.", "1", "pause");
        var first = Assert.Single(bot.Cases.All);
        bot.Clock.Advance(TimeSpan.FromMinutes(3));
        await sam.SayEachAsync("Guest at table 12 is furious: steak overcooked twice", "1", "regular", "Twice!", "1", "pause");
        var second = Assert.Single(bot.Cases.All, c => c.Id != first.Id);
        await bot.Chat("conv-alex", "staff-2").SayAsync("Party of 8 booked for 7:30, still not seated at 8:10");
        var closed = RecoveryCase.Open(new CaseId("SR-DONE"), first.TeamKey, "staff-1", "Sam", "Cold coffee at breakfast", bot.Clock.GetUtcNow().AddDays(-1))
            .Close(bot.Clock.GetUtcNow(), "staff-1");
        Assert.True(await bot.Cases.TryCreateAsync(closed, CancellationToken.None));

        var lines = Assert.Single(await sam.SayAsync("my cases")).Split('\n');

        Assert.Equal(
        [
            "Your open cases:",
            $"- {second.Id} · paused · S{second.Severity} · Guest at table 12 is furious: steak overcooked twice",
            $"- {first.Id} · paused · Room service to 1207 took 50 minutes and the breakfast arrived cold.",
        ], lines);
    }

    [Fact]
    public async Task My_cases_with_nothing_open_says_so()
    {
        using var bot = new BotHarness();
        Assert.Equal(Replies.English.NoCases, Assert.Single(await bot.Chat().SayAsync("my cases")));
    }
}
