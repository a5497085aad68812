using System.Buffers;
using ServiceRecoveryBot.Sentiment.Languages;

namespace ServiceRecoveryBot.Sentiment;

/// <summary>
/// The embedded tone analyzer: VADER (in <see cref="SentimentMode.Vader"/> or <see cref="SentimentMode.Service"/> mode)
/// plus the <see cref="ToneFlagDetector"/>. The compound score is VADER's over the whole text; each sentence is also
/// scored. Label: <see cref="ToneLabel.Mixed"/> when one sentence scores at least +0.3 and another at most -0.3,
/// otherwise positive at compound &gt;= 0.05, negative at &lt;= -0.05, neutral in between. Scores are rounded as the
/// reference rounds them (compound 4 decimals, proportions 3).
/// It reads English and Spanish: the words' language (<see cref="LanguageDetector"/>, else the chat's locale) picks the
/// lexicon, and Spanish goes through <see cref="SpanishTone"/>. Words clearly in another language are not scored (a
/// neutral assessment with <see cref="ToneAssessment.IsRead"/> false, so nobody acts on a guess); flags still are.
/// </summary>
public sealed class LocalToneAnalyzer : ISentimentAnalyzer
{
    /// <summary>A sentence this far from zero in each direction makes a text mixed.</summary>
    public const double MixedThreshold = 0.3;

    private static readonly Lazy<VaderAnalyzer> Spanish = new(() => new VaderAnalyzer(SpanishTone.LoadLexicon(), SpanishTone.Rules));

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
        return Task.FromResult(Analyze(text, language));
    }

    /// <summary>
    /// Scores a text synchronously, in the language its words are in; <paramref name="locale"/> (the chat's) decides
    /// when the words do not say. A short text that says nothing in English but has Spanish words ("Funciona fatal")
    /// is read in Spanish.
    /// </summary>
    public ToneAssessment Analyze(string? text, string? locale = null)
    {
        text ??= string.Empty;
        var detected = LanguageDetector.Detect(text);
        var language = detected ?? LanguageDetector.LanguageOf(locale);
        if (language == "es") return ReadSpanish(text);
        if (detected is not null && detected != "en") return Unread(text, detected);
        var english = Score(text, _vader, EmojiTone.Pad) with { Language = detected };
        return detected is null && english.Neutral == 1 && ReadSpanish(text) is { Neutral: < 1 } spanish ? spanish : english;
    }

    private ToneAssessment ReadSpanish(string text) => Score(text, Spanish.Value, static t => EmojiTone.Pad(SpanishTone.Prepare(t))) with { Language = "es" };

    /// <summary>A text in a language this analyzer does not read: neutral and marked unread, with its flags.</summary>
    private ToneAssessment Unread(string text, string language) =>
        new(0, ToneLabel.Neutral, 0, 1, 0, [], _flags.Detect(text), Name) { Language = language, IsRead = false };

    /// <summary>Scores the text as <paramref name="prepare"/> makes it ready for <paramref name="vader"/>, whole and sentence by sentence.</summary>
    private ToneAssessment Score(string text, VaderAnalyzer vader, Func<string, string> prepare)
    {
        var whole = vader.Score(prepare(text));
        var (label, sentences) = ScoreSentences(text, vader, prepare, whole.Compound);
        return new ToneAssessment(
            Math.Round(whole.Compound, 4), label, Math.Round(whole.Positive, 3), Math.Round(whole.Neutral, 3), Math.Round(whole.Negative, 3),
            sentences, _flags.Detect(text), Name);
    }

    /// <summary>
    /// Only the compound score and the label (what the CLI prints), without building the sentence list or allocating:
    /// English words, emoji not stood apart (the CLI sends other lines through <see cref="Analyze"/>).
    /// </summary>
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

    /// <summary>Each sentence of the text scored on its own (the label is mixed when one is clearly positive and another clearly negative).</summary>
    private static (ToneLabel Label, IReadOnlyList<SentenceTone> Sentences) ScoreSentences(string text, VaderAnalyzer vader, Func<string, string> prepare, double compound)
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
                double c = n == 1 ? compound : vader.Score(prepare(sentence)).Compound;
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
