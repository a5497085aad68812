using System.Globalization;
using System.Text;
using ServiceRecoveryBot.Sentiment.Languages;

namespace ServiceRecoveryBot.Sentiment;

/// <summary>
/// One short line for chat: a five-step scale (very negative ●○○○○ to very positive ○○○○●), the label, the score,
/// then each flag with up to two trigger phrases, e.g.
/// <c>Tone: ●○○○○ very negative (-0.82) · churn risk ("stay somewhere else")</c>. Words not in English say their
/// language (<c>· in Spanish</c>); words the analyzer could not score say so instead of showing a scale.
/// </summary>
public static class ToneLine
{
    private const int MaxTriggersPerFlag = 2;

    public static string Format(ToneAssessment tone)
    {
        ArgumentNullException.ThrowIfNull(tone);
        var line = new StringBuilder("Tone: ", 96);
        if (!tone.IsRead)
        {
            line.Append("not scored, the words look ").Append(LanguageDetector.NameOf(tone.Language ?? "foreign"))
                .Append(" (this reader knows English and Spanish)");
        }
        else
        {
            int step = Step(tone.Compound);
            for (int i = 0; i < 5; i++)
            {
                line.Append(i == step ? '●' : '○');
            }

            line.Append(' ').Append(Describe(tone.Label, step))
                .Append(" (").Append(tone.Compound.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture)).Append(')');
            if (tone.Language is { } language && language != "en")
            {
                line.Append(" · in ").Append(LanguageDetector.NameOf(language));
            }
        }

        foreach (var hit in tone.Flags)
        {
            line.Append(" · ").Append(FlagName(hit.Flag));
            if (hit.Triggers.Count > 0)
            {
                line.Append(" (");
                for (int i = 0; i < Math.Min(hit.Triggers.Count, MaxTriggersPerFlag); i++)
                {
                    line.Append(i == 0 ? "\"" : ", \"").Append(hit.Triggers[i]).Append('"');
                }

                line.Append(')');
            }
        }

        var criticised = tone.Targets.Where(t => t.Sentiment == ToneLabel.Negative).Select(t => t.Text).Distinct(StringComparer.OrdinalIgnoreCase).Take(3).ToList();
        if (criticised.Count > 0)
        {
            line.Append(" · about: ").AppendJoin(", ", criticised);
        }

        return line.ToString();
    }

    /// <summary>0 very negative (&lt;= -0.6), 1 negative (&lt;= -0.05), 2 neutral, 3 positive (&gt;= 0.05), 4 very positive (&gt;= 0.6).</summary>
    public static int Step(double compound) => compound switch
    {
        <= -0.6 => 0,
        <= -0.05 => 1,
        < 0.05 => 2,
        < 0.6 => 3,
        _ => 4,
    };

    public static string FlagName(ToneFlag flag) => flag switch
    {
        ToneFlag.ChurnRisk => "churn risk",
        ToneFlag.PublicComplaint => "public complaint",
        ToneFlag.LegalOrRegulatory => "legal or regulatory",
        ToneFlag.SafetyOrHealth => "safety or health",
        ToneFlag.Urgent => "urgent",
        ToneFlag.Hostile => "hostile",
        _ => flag.ToString(),
    };

    private static string Describe(ToneLabel label, int step) => label switch
    {
        ToneLabel.Mixed => "mixed",
        ToneLabel.Negative => step == 0 ? "very negative" : "negative",
        ToneLabel.Positive => step == 4 ? "very positive" : "positive",
        _ => "neutral",
    };
}
