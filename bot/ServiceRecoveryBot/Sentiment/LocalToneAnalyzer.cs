using System.Buffers;

namespace ServiceRecoveryBot.Sentiment;

/// <summary>
/// The embedded tone analyzer: VADER (in <see cref="SentimentMode.Vader"/> or <see cref="SentimentMode.Service"/> mode)
/// plus the <see cref="ToneFlagDetector"/>. The compound score is VADER's over the whole text; each sentence is also
/// scored. Label: <see cref="ToneLabel.Mixed"/> when one sentence scores at least +0.3 and another at most -0.3,
/// otherwise positive at compound &gt;= 0.05, negative at &lt;= -0.05, neutral in between. Scores are rounded as the
/// reference rounds them (compound 4 decimals, proportions 3). Works on English; other languages get the English lexicon.
/// </summary>
public sealed class LocalToneAnalyzer : ISentimentAnalyzer
{
    /// <summary>A sentence this far from zero in each direction makes a text mixed.</summary>
    public const double MixedThreshold = 0.3;

    private readonly VaderAnalyzer _vader;
    private readonly ToneFlagDetector _flags;

    public LocalToneAnalyzer(VaderAnalyzer vader, ToneFlagDetector flags)
    {
        ArgumentNullException.ThrowIfNull(vader);
        ArgumentNullException.ThrowIfNull(flags);
        _vader = vader;
        _flags = flags;
        Name = vader.Mode == SentimentMode.Vader ? "local-vader" : "local-service";
    }

    /// <summary>The <see cref="ToneAssessment.Analyzer"/> value: "local-vader" or "local-service".</summary>
    public string Name { get; }

    public SentimentMode Mode => _vader.Mode;

    public Task<ToneAssessment> AnalyzeAsync(string text, string? language, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(Analyze(text));
    }

    /// <summary>Scores a text synchronously.</summary>
    public ToneAssessment Analyze(string? text)
    {
        text ??= string.Empty;
        var whole = _vader.Score(text);
        var (label, sentences) = ScoreSentences(text, whole.Compound);
        return new ToneAssessment(
            Math.Round(whole.Compound, 4), label, Math.Round(whole.Positive, 3), Math.Round(whole.Neutral, 3), Math.Round(whole.Negative, 3),
            sentences, _flags.Detect(text), Name);
    }

    /// <summary>Only the compound score and the label (what the CLI prints), without building the sentence list.</summary>
    public (double Compound, ToneLabel Label) Score(ReadOnlySpan<char> text)
    {
        double compound = _vader.Score(text).Compound;
        Range[] ranges = ArrayPool<Range>.Shared.Rent(SentenceSplitter.MaxSentences(text));
        try
        {
            int n = SentenceSplitter.Split(text, ranges);
            bool high = false, low = false;
            if (n > 1)
            {
                for (int i = 0; i < n; i++)
                {
                    double c = _vader.Score(text[ranges[i]]).Compound;
                    high |= c >= MixedThreshold;
                    low |= c <= -MixedThreshold;
                }
            }

            return (Math.Round(compound, 4), high && low ? ToneLabel.Mixed : LabelFor(compound));
        }
        finally
        {
            ArrayPool<Range>.Shared.Return(ranges);
        }
    }

    /// <summary>The flags raised by a text.</summary>
    public IReadOnlyList<ToneFlagHit> DetectFlags(string? text) => _flags.Detect(text);

    /// <summary>positive at &gt;= 0.05, negative at &lt;= -0.05, neutral otherwise (VADER's usual thresholds).</summary>
    public static ToneLabel LabelFor(double compound) =>
        compound >= 0.05 ? ToneLabel.Positive : compound <= -0.05 ? ToneLabel.Negative : ToneLabel.Neutral;

    private (ToneLabel Label, IReadOnlyList<SentenceTone> Sentences) ScoreSentences(string text, double compound)
    {
        Range[] ranges = ArrayPool<Range>.Shared.Rent(SentenceSplitter.MaxSentences(text));
        try
        {
            int n = SentenceSplitter.Split(text, ranges);
            var sentences = new SentenceTone[n];
            bool high = false, low = false;
            for (int i = 0; i < n; i++)
            {
                string sentence = text[ranges[i]];
                double c = n == 1 ? compound : _vader.Score(sentence).Compound;
                high |= c >= MixedThreshold;
                low |= c <= -MixedThreshold;
                sentences[i] = new SentenceTone(sentence, Math.Round(c, 4), LabelFor(c));
            }

            return (high && low ? ToneLabel.Mixed : LabelFor(compound), sentences);
        }
        finally
        {
            ArrayPool<Range>.Shared.Return(ranges);
        }
    }
}
