using ServiceRecoveryBot.Sentiment;

namespace ServiceRecoveryBot.Tests.Sentiment;

public sealed class LocalToneAnalyzerTests(LexiconFixture fixture) : IClassFixture<LexiconFixture>
{
    [Theory]
    [InlineData(0.05, ToneLabel.Positive)]
    [InlineData(0.0499, ToneLabel.Neutral)]
    [InlineData(-0.0499, ToneLabel.Neutral)]
    [InlineData(-0.05, ToneLabel.Negative)]
    public void Labels_use_the_vader_thresholds(double compound, ToneLabel label) => Assert.Equal(label, LocalToneAnalyzer.LabelFor(compound));

    [Fact]
    public async Task Scores_each_sentence_and_the_whole_text()
    {
        var tone = await fixture.Local(SentimentMode.Service).AnalyzeAsync("The room was filthy. The pool was lovely!", "en-US", CancellationToken.None);
        Assert.Equal(2, tone.Sentences.Count);
        Assert.Equal("The room was filthy.", tone.Sentences[0].Text);
        Assert.Equal(ToneLabel.Negative, tone.Sentences[0].Label);
        Assert.Equal(ToneLabel.Positive, tone.Sentences[1].Label);
        Assert.Equal(1.0, tone.Positive + tone.Neutral + tone.Negative, 2);
        Assert.Equal("local-service", tone.Analyzer);
    }

    [Fact]
    public void Strongly_disagreeing_sentences_make_the_text_mixed()
    {
        var analyzer = fixture.Local(SentimentMode.Vader);
        Assert.Equal(ToneLabel.Mixed, analyzer.Analyze("The staff were wonderful. The room was disgusting and filthy.").Label);
        Assert.Equal(ToneLabel.Mixed, analyzer.Score("The staff were wonderful. The room was disgusting and filthy.").Label);
        Assert.NotEqual(ToneLabel.Mixed, analyzer.Analyze("The staff were wonderful and kind.").Label);
    }

    [Fact]
    public async Task Flags_and_their_triggers_come_with_the_tone()
    {
        var tone = await fixture.Local(SentimentMode.Service).AnalyzeAsync(
            "I didn't touch that fridge. This is exactly the kind of thing that makes me stay somewhere else.", null, CancellationToken.None);
        Assert.True(tone.Has(ToneFlag.ChurnRisk));
        Assert.Equal(ToneLabel.Negative, tone.Label);
    }

    [Fact]
    public async Task Cancellation_is_honoured()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fixture.Local(SentimentMode.Service).AnalyzeAsync("hi", null, cts.Token));
    }
}
