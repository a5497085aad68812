using ServiceRecoveryBot.Guidance;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Recovery.Playbooks;
using ServiceRecoveryBot.Sentiment;
using ServiceRecoveryBot.Sentiment.Languages;

namespace ServiceRecoveryBot.Understanding;

/// <summary>
/// The one understanding seam: the lexical signals (category cues, the incident parser, the language detector, the
/// tone-flag lexicon, the guidance cues), joined by the embedded model's nearest examples once it has loaded.
/// Stateless and thread-safe; a singleton.
/// </summary>
public sealed class Understander(RecoveryPlaybook playbook, GuidanceService guidance, ToneFlagDetector flags) : IUnderstanding
{
    private readonly CategoryCues cues = new(playbook);

    /// <summary>The lexical reading alone (what the bot answers while the model loads, and the "before" of the evaluation).</summary>
    public Understood Lexical(string text) => Read(text);

    public Understood Understand(string text, UnderstandingPurpose purpose, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Read(text ?? "");
    }

    private Understood Read(string text)
    {
        var normalized = CategoryCues.Normalize(text);
        var lexicalFlags = flags.Detect(text);
        var categories = Rank(cues.Score(text));
        var complains = MessageCues.Complains(normalized);
        return new Understood
        {
            Text = text,
            Kind = KindOf(text, normalized, categories),
            Categories = categories,
            Facts = IncidentParser.Parse(text),
            Language = LanguageDetector.Detect(text),
            Flags = lexicalFlags,
            Complains = complains,
        };
    }

    /// <summary>Scores to confidences: each score's share of the total plus one (so one weak word is never sure), best three.</summary>
    internal static IReadOnlyList<CategoryGuess> Rank(IReadOnlyList<(FailureCategory Category, double Score)> scores)
    {
        var total = scores.Sum(s => s.Score) + 1;
        return scores.Take(3).Select(s => new CategoryGuess(s.Category, Math.Round(s.Score / total, 3))).ToList();
    }

    private MessageKind KindOf(string text, string normalized, IReadOnlyList<CategoryGuess> categories)
    {
        if (MessageCues.IsJunk(normalized)) return MessageKind.Junk;
        if (MessageCues.IsCommand(normalized)) return MessageKind.Command;
        if (MessageCues.IsAbuse(normalized)) return MessageKind.ThreatOrAbuse;
        if (MessageCues.IsSmalltalk(normalized)) return MessageKind.Smalltalk;
        if (guidance.IsGuidanceQuestion(text)) return MessageKind.Question;
        return MessageKind.Incident;
    }
}
