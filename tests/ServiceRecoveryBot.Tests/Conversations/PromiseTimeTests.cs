using ServiceRecoveryBot.Channels.Cards;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Tests.Conversations;

/// <summary>
/// "I promised to call her tomorrow by 6pm" keeps its day, in the forms Slack (no zone: the team's), Teams (an IANA zone)
/// and Web Chat (a local offset) send; and follow-ups can be soon: "in 15 minutes", "before they leave".
/// </summary>
public sealed class PromiseTimeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 19, 30, 0, TimeSpan.Zero);   // the harness's clock

    public static TheoryData<string, string?, DateTimeOffset?, DateTimeOffset> Forms => new()
    {
        { "slack", null, null, new DateTimeOffset(2026, 11, 24, 18, 0, 0, TimeSpan.FromHours(1)) },              // Recovery:TimeZone
        { "msteams", "America/New_York", null, new DateTimeOffset(2026, 11, 24, 18, 0, 0, TimeSpan.FromHours(-5)) },
        { "webchat", null, new DateTimeOffset(2026, 11, 23, 11, 30, 0, TimeSpan.FromHours(-8)), new DateTimeOffset(2026, 11, 24, 18, 0, 0, TimeSpan.FromHours(-8)) },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task A_promise_for_tomorrow_by_6pm_is_due_tomorrow_at_6pm(string channel, string? zone, DateTimeOffset? localTime, DateTimeOffset expected)
    {
        using var bot = new BotHarness(new Dictionary<string, string?> { ["Recovery:TimeZone"] = "Europe/Madrid" }, services => services.AddAdaptiveCards());
        var chat = bot.Chat("promise-" + channel, channelId: channel);
        Activity Say(string text) => chat.Message(text) with { LocalTimezone = zone, LocalTimestamp = localTime };

        await bot.Turns.ProcessAsync(Say("Guest at table 12 is furious: steak overcooked twice"), CancellationToken.None);
        for (var turn = 0; turn < 20; turn++)
        {
            var question = chat.AllActivities().Last(a => a.IsMessage);
            var asked = question.Text ?? question.Summary ?? question.Attachments?.FirstOrDefault()?.Content?.GetRawText() ?? "";
            if (asked.Contains("Did you promise", StringComparison.Ordinal))
            {
                await bot.Turns.ProcessAsync(Say("I promised to call her tomorrow by 6pm"), CancellationToken.None);
                break;
            }
            await bot.Turns.ProcessAsync(Say(asked.Contains("skip", StringComparison.OrdinalIgnoreCase) ? "skip" : asked.Contains("Looks like", StringComparison.Ordinal) ? "yes" : "1"), CancellationToken.None);
        }
        await bot.Turns.ProcessAsync(Say("ok"), CancellationToken.None);   // the default follow-up; the case is logged

        var promise = Assert.Single(bot.Cases.All).Promise;
        Assert.Equal("I promised to call her tomorrow by 6pm", promise?.What);
        Assert.Equal(expected, promise?.DueAt);
        Assert.True(Now < expected);
    }

    [Theory]
    [InlineData("in 15 minutes", 15)]
    [InlineData("before they leave", 40)]
    [InlineData("en 15 minutos", 15)]
    public async Task A_follow_up_can_be_soon_while_the_customer_is_still_there(string answer, int minutes)
    {
        using var bot = new BotHarness();
        var chat = bot.Chat();
        var replies = await chat.SayEachAsync(Testing.RecoveryScript.UpToTheClose);
        Assert.Contains(replies, r => r.Contains("in 15 minutes", StringComparison.Ordinal) && r.Contains("before they leave", StringComparison.Ordinal));

        await chat.SayAsync(answer);

        Assert.Equal(Now.AddMinutes(minutes), Assert.Single(bot.Cases.All).FollowUpAt);
    }
}
