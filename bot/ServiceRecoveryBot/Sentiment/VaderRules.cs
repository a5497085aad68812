using System.Collections.Frozen;

namespace ServiceRecoveryBot.Sentiment;

/// <summary>The constants and word lists of the reference VADER implementation (vaderSentiment.py, cjhutto, MIT).</summary>
internal static class VaderRules
{
    public const double BIncr = 0.293;
    public const double BDecr = -0.293;
    public const double CIncr = 0.733;
    public const double NScalar = -0.74;
    public const double Alpha = 15;

    public static readonly FrozenSet<string> Negate = new[]
    {
        "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt",
        "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't",
        "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither",
        "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't",
        "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
        "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent",
        "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't",
        "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, double> Boosters = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["absolutely"] = BIncr, ["amazingly"] = BIncr, ["awfully"] = BIncr, ["completely"] = BIncr, ["considerable"] = BIncr,
        ["considerably"] = BIncr, ["decidedly"] = BIncr, ["deeply"] = BIncr, ["effing"] = BIncr, ["enormous"] = BIncr,
        ["enormously"] = BIncr, ["entirely"] = BIncr, ["especially"] = BIncr, ["exceptional"] = BIncr, ["exceptionally"] = BIncr,
        ["extreme"] = BIncr, ["extremely"] = BIncr, ["fabulously"] = BIncr, ["flipping"] = BIncr, ["flippin"] = BIncr,
        ["frackin"] = BIncr, ["fracking"] = BIncr, ["fricking"] = BIncr, ["frickin"] = BIncr, ["frigging"] = BIncr,
        ["friggin"] = BIncr, ["fully"] = BIncr, ["fuckin"] = BIncr, ["fucking"] = BIncr, ["fuggin"] = BIncr, ["fugging"] = BIncr,
        ["greatly"] = BIncr, ["hella"] = BIncr, ["highly"] = BIncr, ["hugely"] = BIncr, ["incredible"] = BIncr,
        ["incredibly"] = BIncr, ["intensely"] = BIncr, ["major"] = BIncr, ["majorly"] = BIncr, ["more"] = BIncr, ["most"] = BIncr,
        ["particularly"] = BIncr, ["purely"] = BIncr, ["quite"] = BIncr, ["really"] = BIncr, ["remarkably"] = BIncr, ["so"] = BIncr,
        ["substantially"] = BIncr, ["thoroughly"] = BIncr, ["total"] = BIncr, ["totally"] = BIncr, ["tremendous"] = BIncr,
        ["tremendously"] = BIncr, ["uber"] = BIncr, ["unbelievably"] = BIncr, ["unusually"] = BIncr, ["utter"] = BIncr,
        ["utterly"] = BIncr, ["very"] = BIncr,
        ["almost"] = BDecr, ["barely"] = BDecr, ["hardly"] = BDecr, ["just enough"] = BDecr, ["kind of"] = BDecr, ["kinda"] = BDecr,
        ["kindof"] = BDecr, ["kind-of"] = BDecr, ["less"] = BDecr, ["little"] = BDecr, ["marginal"] = BDecr, ["marginally"] = BDecr,
        ["occasional"] = BDecr, ["occasionally"] = BDecr, ["partly"] = BDecr, ["scarce"] = BDecr, ["scarcely"] = BDecr,
        ["slight"] = BDecr, ["slightly"] = BDecr, ["somewhat"] = BDecr, ["sort of"] = BDecr, ["sorta"] = BDecr, ["sortof"] = BDecr,
        ["sort-of"] = BDecr,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NegateLookup = Negate.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>SPECIAL_CASES of the reference: idioms containing lexicon words ("badass" alone never matches there).</summary>
    public static readonly (string[] Words, double Valence)[] SpecialCases =
    [
        (["the", "shit"], 3), (["the", "bomb"], 3), (["bad", "ass"], 1.5), (["bus", "stop"], 0.0), (["yeah", "right"], -2),
        (["kiss", "of", "death"], -1.5), (["to", "die", "for"], 3), (["beating", "heart"], 3.1), (["broken", "heart"], -2.9),
    ];

    /// <summary>Python's <c>string.punctuation</c>.</summary>
    public static bool IsAsciiPunctuation(char c) =>
        c is >= '!' and <= '/' or >= ':' and <= '@' or >= '[' and <= '`' or >= '{' and <= '~';

    /// <summary>Python's <c>str.split()</c> whitespace (adds the ASCII separators U+001C..U+001F to .NET's set).</summary>
    public static bool IsPythonWhiteSpace(char c) => char.IsWhiteSpace(c) || c is >= '\u001C' and <= '\u001F';
}
