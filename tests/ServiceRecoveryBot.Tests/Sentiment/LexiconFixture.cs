using ServiceRecoveryBot.Sentiment;

namespace ServiceRecoveryBot.Tests.Sentiment;

/// <summary>The npm VADER lexicon, loaded once per test class.</summary>
public sealed class LexiconFixture
{
    public LexiconFixture()
    {
        Lexicon = VaderLexicon.Load(SentimentTestPaths.LexiconPath());
        Vader = new VaderAnalyzer(Lexicon, SentimentMode.Vader);
        Service = new VaderAnalyzer(Lexicon, SentimentMode.Service);
        Detector = new ToneFlagDetector();
    }

    public VaderLexicon Lexicon { get; }

    public VaderAnalyzer Vader { get; }

    public VaderAnalyzer Service { get; }

    public ToneFlagDetector Detector { get; }

    public LocalToneAnalyzer Local(SentimentMode mode) => new(mode == SentimentMode.Vader ? Vader : Service, Detector);
}
