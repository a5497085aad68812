using System.Collections.Frozen;

using ServiceRecoveryBot.Sentiment.Languages;

namespace ServiceRecoveryBot.Sentiment;

/// <summary>
/// The words VADER's rules look for in one language: negations, boosters and dampeners, the words with a rule of their
/// own ("but", "no", "least" …) and the idioms. <see cref="English"/> is the reference's; other languages bring their
/// own lists next to their lexicon (see <see cref="SpanishTone"/>).
/// </summary>
public sealed class VaderLanguage
{
    private VaderLanguage(
        string code,
        FrozenSet<string> negations,
        FrozenDictionary<string, double> boosters,
        FrozenDictionary<string, VaderWord> ruleWords,
        (string[] Words, double Valence)[] idioms,
        bool contractedNegations)
    {
        Code = code;
        Negations = negations;
        Boosters = boosters;
        RuleWords = ruleWords;
        Idioms = idioms;
        ContractedNegations = contractedNegations;
    }

    /// <summary>The reference VADER's English rules.</summary>
    public static VaderLanguage English { get; } = new(
        "en",
        VaderRules.Negate,
        VaderRules.Boosters,
        new Dictionary<string, VaderWord>(StringComparer.Ordinal)
        {
            ["no"] = VaderWord.No, ["or"] = VaderWord.Or, ["nor"] = VaderWord.Nor, ["kind"] = VaderWord.Kind, ["of"] = VaderWord.Of,
            ["never"] = VaderWord.Never, ["so"] = VaderWord.So, ["this"] = VaderWord.This, ["without"] = VaderWord.Without,
            ["doubt"] = VaderWord.Doubt, ["least"] = VaderWord.Least, ["at"] = VaderWord.At, ["very"] = VaderWord.Very, ["but"] = VaderWord.But,
        }.ToFrozenDictionary(StringComparer.Ordinal),
        VaderRules.SpecialCases,
        contractedNegations: true);

    /// <summary>ISO 639-1 code.</summary>
    public string Code { get; }

    internal FrozenSet<string> Negations { get; }

    internal FrozenDictionary<string, double> Boosters { get; }

    internal FrozenDictionary<string, VaderWord> RuleWords { get; }

    internal (string[] Words, double Valence)[] Idioms { get; }

    /// <summary>Words ending in "n't" negate (English only).</summary>
    internal bool ContractedNegations { get; }

    /// <summary>Rules for another language: its negations, boosters (word → increment), the words that act as "but", and idioms.</summary>
    internal static VaderLanguage Create(
        string code, IEnumerable<string> negations, IReadOnlyDictionary<string, double> boosters, IEnumerable<string> butWords,
        (string[] Words, double Valence)[] idioms) =>
        new(code, negations.ToFrozenSet(StringComparer.Ordinal), boosters.ToFrozenDictionary(StringComparer.Ordinal),
            butWords.ToFrozenDictionary(w => w, _ => VaderWord.But, StringComparer.Ordinal), idioms, contractedNegations: false);
}
