using System.Text.RegularExpressions;
using ServiceRecoveryBot.Channels.Cards;
using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Tests.Conversations;

/// <summary>
/// Numbers keep the order in which options are shown and printed: the suggested option is marked "(suggested)" in its
/// place, never moved first, so typing "2" means the second line as printed, and buttons come in the same order.
/// </summary>
public sealed partial class ChoiceNumberingTests
{
    [Fact]
    public async Task The_suggested_category_is_marked_in_its_place_and_its_printed_number_picks_it()
    {
        using var bot = new BotHarness();
        var chat = bot.Chat();
        var asked = await chat.SayAsync("Guest at checkout disputing a $38 minibar charge, says he never opened it.");

        var lines = Numbered(asked[^1]);
        Assert.Equal(["Wait or delay", "Product or food quality", "Billing error (suggested)"], lines.Take(3).Select(l => l.Text));
        await chat.SayEachAsync("1", "pause");   // the first line as printed, not the suggestion; pausing saves the case

        Assert.Equal(FailureCategory.WaitOrDelay, Assert.Single(bot.Cases.All).Category);
    }

    [Fact]
    public async Task Yes_takes_the_marked_suggestion()
    {
        using var bot = new BotHarness();
        var chat = bot.Chat();
        await chat.SayAsync("Guest at checkout disputing a $38 minibar charge, says he never opened it.");
        await chat.SayEachAsync("yes", "pause");

        Assert.Equal(FailureCategory.BillingError, Assert.Single(bot.Cases.All).Category);
    }

    [Theory]
    [InlineData("2", 2)]
    [InlineData("4", 4)]
    [InlineData("ok", 0)]   // 0: the suggested severity
    public async Task A_typed_severity_number_is_the_severity_printed_on_that_line(string typed, int expected)
    {
        using var bot = new BotHarness();
        var chat = bot.Chat();
        var replies = await chat.SayAsync("Guest in 12 furious, steak overcooked twice");
        for (var i = 0; i < 6 && !replies[^1].StartsWith("Severity", StringComparison.Ordinal); i++)
            replies = await chat.SayAsync(replies[^1] switch
            {
                var q when q.StartsWith("Looks like", StringComparison.Ordinal) => "yes",
                var q when q.Contains("own words", StringComparison.Ordinal) => "This is the second time tonight. Unacceptable.",
                _ => "skip",
            });
        var lines = Numbered(replies[^1]);

        Assert.Equal(["S1", "S2", "S3", "S4"], lines.Select(l => l.Text[..2]));
        var suggested = Assert.Single(lines, l => l.Text.EndsWith("(suggested)", StringComparison.Ordinal));
        await chat.SayEachAsync(typed, "pause");

        Assert.Equal(expected == 0 ? suggested.Number : expected, Assert.Single(bot.Cases.All).Severity);
    }

    [Fact]
    public async Task Card_buttons_come_in_the_printed_order_with_the_suggestion_styled_in_its_place()
    {
        using var bot = new BotHarness(configure: services => services.AddAdaptiveCards());
        var chat = bot.Chat(channelId: "webchat");
        await chat.SayAsync("Guest at checkout disputing a $38 minibar charge, says he never opened it.");
        var card = chat.AllActivities().Last(a => a.Attachments is { Count: > 0 }).Attachments![0].Content!.Value;

        var actions = card.GetProperty("actions").EnumerateArray().ToList();
        Assert.Equal(["Wait or delay", "Product or food quality", "Billing error (suggested)"], actions.Take(3).Select(a => a.GetProperty("title").GetString()));
        Assert.Equal("positive", actions[2].GetProperty("style").GetString());
        Assert.All(actions.Where((_, i) => i != 2), a => Assert.False(a.TryGetProperty("style", out _)));
    }

    /// <summary>In Teams a title as long as "Billing error (suggested)" would be cut off: every choice is a wrapping row, in the printed order.</summary>
    [Fact]
    public async Task Teams_rows_come_in_the_printed_order_with_the_suggestion_marked_in_its_place()
    {
        using var bot = new BotHarness(configure: services => services.AddAdaptiveCards());
        var chat = bot.Chat(channelId: "msteams");
        await chat.SayAsync("Guest at checkout disputing a $38 minibar charge, says he never opened it.");
        var card = chat.AllActivities().Last(a => a.Attachments is { Count: > 0 }).Attachments![0].Content!.Value;

        var rows = card.GetProperty("body").EnumerateArray().Where(e => e.GetProperty("type").GetString() == "Container").ToList();
        Assert.Equal(["Wait or delay", "Product or food quality", "Billing error (suggested)"], rows.Take(3).Select(r => r.GetProperty("items")[0].GetProperty("text").GetString()));
        Assert.Equal("accent", rows[2].GetProperty("style").GetString());
        Assert.Equal(10, rows.Count);
    }

    private static List<(int Number, string Text)> Numbered(string prompt) =>
        [.. NumberedLine().Matches(prompt).Select(m => (int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups["text"].Value.Trim()))];

    [GeneratedRegex(@"^(?<n>\d+)\. (?<text>.+)$", RegexOptions.Multiline)]
    private static partial Regex NumberedLine();
}
