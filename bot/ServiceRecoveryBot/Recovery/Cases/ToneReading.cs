using ServiceRecoveryBot.Sentiment;

namespace ServiceRecoveryBot.Recovery.Cases;

/// <summary>
/// The tone of the customer's words at one moment of the case (captured at opening and at follow-up): the score, label
/// and flags, the words' language when known ("es"), and whether they could be scored at all (words in a language the
/// analyzer cannot read keep their flags but no score).
/// </summary>
public sealed record ToneReading(double Compound, string Label, IReadOnlyList<string> Flags, DateTimeOffset At, string? Language = null, bool Scored = true)
{
    public static ToneReading Of(ToneAssessment tone, DateTimeOffset at) =>
        new(tone.Compound, tone.Label.ToString(), [.. tone.Flags.Select(f => f.Flag.ToString())], at, tone.Language, tone.IsRead);
}
