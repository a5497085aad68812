using ServiceRecoveryBot.Channels.Slack;

namespace ServiceRecoveryBot.Tests.Channels.Slack;

public sealed class SlackMrkdwnTests
{
    [Theory]
    [InlineData("**Case SR-1042**: refund approved", "*Case SR-1042*: refund approved")]
    [InlineData("**1. Listen.** Then **apologise**.", "*1. Listen.* Then *apologise*.")]
    public void Double_star_bold_becomes_single_star_bold(string markdown, string mrkdwn) =>
        Assert.Equal(mrkdwn, SlackMrkdwn.FromMarkdown(markdown));

    [Fact]
    public void Italics_quotes_and_bullets_are_left_as_they_are()
    {
        const string markdown = "We are _truly_ sorry.\n> Third time my order is wrong\n- a refund\n- a voucher\n  > indented quote";

        Assert.Equal(markdown, SlackMrkdwn.FromMarkdown(markdown));
    }

    [Fact]
    public void A_link_becomes_a_slack_link_with_its_title()
    {
        Assert.Equal("See <https://contoso.example/refunds|our refund policy>.", SlackMrkdwn.FromMarkdown("See [our refund policy](https://contoso.example/refunds)."));
    }

    [Fact]
    public void Ampersands_and_angle_brackets_are_escaped_in_text_links_and_titles()
    {
        Assert.Equal("Fish &amp; chips &lt;cold&gt; &gt; 20 min", SlackMrkdwn.FromMarkdown("Fish & chips <cold> > 20 min"));
        Assert.Equal("<https://shop.example/o?id=1&amp;tab=2|Tom &amp; Jerry &lt;3>", SlackMrkdwn.FromMarkdown("[Tom & Jerry <3](https://shop.example/o?id=1&tab=2)"));
    }

    [Fact]
    public void Only_a_greater_than_that_starts_a_line_is_a_quote()
    {
        Assert.Equal("> 5 &gt; 3\nx &gt; y", SlackMrkdwn.FromMarkdown("> 5 > 3\nx > y"));
    }

    [Fact]
    public void Bold_around_a_link_keeps_the_link_whole()
    {
        Assert.Equal("*Read <https://wiki.example/a**b|the guide>*", SlackMrkdwn.FromMarkdown("**Read [the guide](https://wiki.example/a**b)**"));
    }

    [Theory]
    [InlineData("2 ** 3 = 8")]
    [InlineData("**not closed")]
    [InlineData("**spans\nlines**")]
    [InlineData("[not a web link](javascript:alert)")]
    [InlineData("a `code` span and ~strike~")]
    public void What_is_not_markup_it_understands_is_left_alone(string markdown) =>
        Assert.Equal(markdown, SlackMrkdwn.FromMarkdown(markdown));

    [Fact]
    public void A_vertical_bar_in_a_url_does_not_end_it()
    {
        Assert.Equal("<https://x.example/a%7Cb|x>", SlackMrkdwn.FromMarkdown("[x](https://x.example/a|b)"));
    }

    [Fact]
    public void Cutting_long_text_never_splits_a_link_or_an_entity()
    {
        var mrkdwn = SlackMrkdwn.FromMarkdown(string.Concat(Enumerable.Repeat("A&B [the page](https://example.com/p?a=1&b=2)", 200)));

        var pieces = SlackMrkdwn.Split(mrkdwn, 300).ToList();

        Assert.Equal(mrkdwn.Replace(" ", ""), string.Concat(pieces).Replace(" ", "")); // only the space each cut is made at goes
        Assert.All(pieces, piece =>
        {
            Assert.InRange(piece.Length, 1, 300);
            Assert.Equal(piece.Count(c => c == '<'), piece.Count(c => c == '>'));
            Assert.DoesNotMatch("&(?!amp;|lt;|gt;)", piece);
        });
        var truncated = SlackMrkdwn.Truncate(mrkdwn, 100);
        Assert.InRange(truncated.Length, 1, 100);
        Assert.EndsWith("…", truncated, StringComparison.Ordinal);
        Assert.Equal(truncated.Count(c => c == '<'), truncated.Count(c => c == '>'));
    }
}
