using ServiceRecoveryBot.Guidance;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Sentiment;

namespace ServiceRecoveryBot.Understanding;

/// <summary>
/// What one message says: its kind, the failure categories best first (at most three; none when nothing fits), the
/// facts, the language, the tone flags and, for guidance questions, the topics the model found nearest.
/// </summary>
public sealed record Understood
{
    /// <summary>At or above this confidence the category question leads with the one suggestion; below, with three.</summary>
    public const double ConfidentAt = 0.6;

    public required string Text { get; init; }

    public required MessageKind Kind { get; init; }

    /// <summary>Best first, at most three, each with its confidence; empty when nothing fits (then "Other" is the honest answer).</summary>
    public required IReadOnlyList<CategoryGuess> Categories { get; init; }

    public required IncidentFacts Facts { get; init; }

    /// <summary>ISO 639-1 code when the words say ("es"), else null.</summary>
    public string? Language { get; init; }

    /// <summary>Tone flags from the lexicon and, when loaded, the model; each with the words (or the example) that raised it.</summary>
    public required IReadOnlyList<ToneFlagHit> Flags { get; init; }

    /// <summary>Words that complain though no tone word does ("this is how you treat me?", "never stay here again").</summary>
    public bool Complains { get; init; }

    /// <summary>Guidance topics the model found nearest, best first (empty without the model or for other purposes).</summary>
    public IReadOnlyList<TopicGuess> Topics { get; init; } = [];

    /// <summary>Whether the embedded model took part (false while it loads, or when it is off).</summary>
    public bool ByModel { get; init; }

    public FailureCategory? Category => Categories.Count > 0 ? Categories[0].Category : null;

    public double Confidence => Categories.Count > 0 ? Categories[0].Confidence : 0;

    public bool IsConfident => Confidence >= ConfidentAt;

    public bool Has(ToneFlag flag) => Flags.Any(f => f.Flag == flag);

    /// <summary>
    /// The analyzer's reading of these words, corrected by this one: its flags joined by ours (the model's included), and
    /// words that complain, threaten to leave or are hostile never read as calm: a score above <see cref="CalmestComplaint"/>
    /// comes down to it and the label is negative.
    /// </summary>
    public ToneAssessment ToneOf(ToneAssessment analyzed)
    {
        ArgumentNullException.ThrowIfNull(analyzed);
        var flags = analyzed.Flags.ToList();
        foreach (var hit in Flags)
        {
            var at = flags.FindIndex(f => f.Flag == hit.Flag);
            if (at < 0) flags.Add(hit);
            else flags[at] = flags[at] with { Triggers = [.. flags[at].Triggers.Union(hit.Triggers, StringComparer.OrdinalIgnoreCase)] };
        }
        flags.Sort((a, b) => a.Flag.CompareTo(b.Flag));
        var upset = Complains || flags.Any(f => f.Flag is ToneFlag.Hostile or ToneFlag.ChurnRisk);
        if (!upset || !analyzed.IsRead || analyzed.Compound <= CalmestComplaint) return analyzed with { Flags = flags };
        return analyzed with { Flags = flags, Compound = CalmestComplaint, Label = analyzed.Label == ToneLabel.Mixed ? ToneLabel.Mixed : ToneLabel.Negative };
    }

    /// <summary>The highest score a complaint, a churn threat or hostility keeps: clearly negative, short of "very negative".</summary>
    public const double CalmestComplaint = -0.3;
}
