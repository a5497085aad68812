namespace ServiceRecoveryBot.Sentiment;

public enum ToneLabel
{
    Positive,
    Neutral,
    Negative,
    Mixed,
}

public enum ToneFlag
{
    ChurnRisk,
    PublicComplaint,
    LegalOrRegulatory,
    SafetyOrHealth,
    Urgent,
    Hostile,
}

/// <summary>A flag raised on a text, with the words that raised it.</summary>
public sealed record ToneFlagHit(ToneFlag Flag, IReadOnlyList<string> Triggers);

public sealed record SentenceTone(string Text, double Compound, ToneLabel Label);

/// <summary>
/// The tone of one text: compound score in [-1, 1], a label, the positive/neutral/negative proportions,
/// per-sentence scores and the flags raised.
/// </summary>
public sealed record ToneAssessment(
    double Compound,
    ToneLabel Label,
    double Positive,
    double Neutral,
    double Negative,
    IReadOnlyList<SentenceTone> Sentences,
    IReadOnlyList<ToneFlagHit> Flags,
    string Analyzer)
{
    public bool Has(ToneFlag flag) => Flags.Any(hit => hit.Flag == flag);

    /// <summary>What the customer's opinions are about, when the analyzer knows (Azure opinion mining); empty otherwise.</summary>
    public IReadOnlyList<OpinionTarget> Targets { get; init; } = [];

    /// <summary>The language of the words (ISO 639-1, e.g. "es") when known.</summary>
    public string? Language { get; init; }

    /// <summary>False when the words are in a language the analyzer could not score: the score is then a neutral placeholder.</summary>
    public bool IsRead { get; init; } = true;

    /// <summary>Very negative: the threshold above which a VIP case needs a manager.</summary>
    public bool IsVeryNegative => Compound <= -0.6;
}
