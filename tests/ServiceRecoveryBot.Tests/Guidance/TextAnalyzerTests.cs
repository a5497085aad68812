using ServiceRecoveryBot.Guidance;

namespace ServiceRecoveryBot.Tests.Guidance;

public sealed class TextAnalyzerTests
{
    private readonly TextAnalyzer analyzer = new(["the", "how", "do", "i", "a", "to"], [["apologize", "sorry"], ["customer", "guest"]]);

    [Theory]
    [InlineData("apologise", "apologize")]
    [InlineData("apologising", "apologized")]
    [InlineData("behaviour", "behavior")]
    [InlineData("complaints", "complaint")]
    [InlineData("following", "follows")]
    [InlineData("promised", "promise")]
    [InlineData("organisation", "organization")]
    public void British_and_American_spellings_and_word_forms_share_a_stem(string one, string other)
    {
        Assert.Equal(TextAnalyzer.Stem(other), TextAnalyzer.Stem(one));
    }

    [Fact]
    public void Stop_words_go_and_synonyms_fold_onto_one_term()
    {
        Assert.Equal(analyzer.Terms("how do I apologize to the customer"), analyzer.Terms("sorry guest"));
    }

    [Fact]
    public void Punctuation_and_apostrophes_are_dropped()
    {
        Assert.Equal(["whats", "the", "follow", "up"], TextAnalyzer.Words("What’s the follow-up?"));
    }

    [Theory]
    [InlineData("recovry", "recovery", 1)]
    [InlineData("paradx", "paradox", 1)]
    [InlineData("recieve", "receive", 1)]
    [InlineData("atonment", "atonement", 1)]
    [InlineData("compnesation", "compensation", 1)]
    public void Edit_distance_counts_one_for_a_missing_letter_or_a_swap(string typo, string word, int expected)
    {
        Assert.Equal(expected, TextAnalyzer.Distance(typo, word, 2));
    }

    [Fact]
    public void Edit_distance_stops_early_past_the_limit()
    {
        Assert.Equal(2, TextAnalyzer.Distance("password", "paradox", 1));
    }
}
