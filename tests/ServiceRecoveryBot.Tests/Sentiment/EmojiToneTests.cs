using ServiceRecoveryBot.Sentiment;

namespace ServiceRecoveryBot.Tests.Sentiment;

/// <summary>Emoji in the customer's words count, in any language, and no word before them turns them around.</summary>
public sealed class EmojiToneTests(LexiconFixture fixture) : IClassFixture<LexiconFixture>
{
    private ToneAssessment Read(string words) => fixture.Local(SentimentMode.Service).Analyze(words);

    [Fact]
    public void An_angry_emoji_makes_plain_words_negative()
    {
        Assert.Equal(ToneLabel.Neutral, Read("Room 12, second night").Label);
        Assert.Equal(ToneLabel.Negative, Read("Room 12, second night 😡").Label);
    }

    [Fact]
    public void Thankful_emoji_read_positive_in_English_and_Spanish()
    {
        Assert.Equal(ToneLabel.Positive, Read("🙏👍").Label);
        Assert.True(Read("Gracias por todo 😊").Compound > Read("Gracias por todo").Compound);
    }

    [Fact]
    public void An_emoji_stuck_to_a_word_still_counts_and_leaves_the_word_readable()
    {
        var stuck = Read("¡Es el tercer día sin agua caliente y nadie me hace caso!😡");

        Assert.Equal("es", stuck.Language);
        Assert.True(stuck.Compound < Read("¡Es el tercer día sin agua caliente y nadie me hace caso!").Compound);
    }

    [Fact]
    public void A_negation_before_an_emoji_does_not_turn_it_positive() =>
        Assert.Equal(ToneLabel.Negative, Read("Not happy 😡").Label);

    [Fact]
    public void Skin_tones_and_variation_selectors_are_dropped()
    {
        Assert.Equal(" 👍 ", EmojiTone.Pad("👍🏽"));
        Assert.Equal("love it  ❤ ", EmojiTone.Pad("love it ❤️"));
    }

    [Fact]
    public void Text_without_emoji_is_returned_as_it_was()
    {
        const string text = "Está sucia — “otra vez”";
        Assert.Same(text, EmojiTone.Pad(text));
    }
}
