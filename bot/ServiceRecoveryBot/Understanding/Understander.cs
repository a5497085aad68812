using ServiceRecoveryBot.Guidance;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Recovery.Playbooks;
using ServiceRecoveryBot.Sentiment;
using ServiceRecoveryBot.Sentiment.Languages;

namespace ServiceRecoveryBot.Understanding;

/// <summary>
/// The one understanding seam: the lexical signals (category cues, the incident parser, the language detector, the
/// tone-flag lexicon, the guidance cues), joined by the embedded model's nearest examples once it has loaded (the
/// model runs only on case openings, guidance questions and customer words). Stateless and thread-safe; a singleton.
/// </summary>
public sealed class Understander : IUnderstanding
{
    private readonly CategoryCues cues;
    private readonly GuidanceService guidance;
    private readonly ToneFlagDetector flags;
    private readonly SemanticMatcher? semantic;

    /// <summary>Lexical only (tests, and the "without the model" side of the evaluation).</summary>
    public Understander(RecoveryPlaybook playbook, GuidanceService guidance, ToneFlagDetector flags)
        : this(playbook, guidance, flags, null)
    {
    }

    /// <summary>With the model, which <see cref="SemanticMatcher"/> loads in the background; lexical until it is ready.</summary>
    public Understander(RecoveryPlaybook playbook, GuidanceService guidance, ToneFlagDetector flags, SemanticMatcher? semantic)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        cues = new CategoryCues(playbook);
        this.guidance = guidance;
        this.flags = flags;
        this.semantic = semantic;
    }

    /// <summary>Whether the model takes part now.</summary>
    public bool ModelReady => semantic?.IsReady == true;

    /// <summary>The lexical reading alone (what the bot answers while the model loads).</summary>
    public Understood Lexical(string text) => Read(text ?? "", UnderstandingPurpose.Routing);

    public Understood Understand(string text, UnderstandingPurpose purpose, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Read(text ?? "", purpose);
    }

    private Understood Read(string text, UnderstandingPurpose purpose)
    {
        var normalized = CategoryCues.Normalize(text);
        var scores = cues.Score(text);
        var categories = Rank(scores);
        var lexical = new Understood
        {
            Text = text,
            Kind = KindOf(text, normalized),
            Categories = categories,
            Facts = IncidentParser.Parse(text),
            Language = LanguageDetector.Detect(text),
            Flags = flags.Detect(text),
            Complains = MessageCues.Complains(normalized),
        };
        return purpose != UnderstandingPurpose.Routing && semantic is { IsReady: true } model ? model.Refine(lexical, scores, purpose) : lexical;
    }

    /// <summary>Scores to confidences: each score's share of the total plus one (so one weak word is never sure), best three.</summary>
    internal static IReadOnlyList<CategoryGuess> Rank(IReadOnlyList<(FailureCategory Category, double Score)> scores)
    {
        var total = scores.Sum(s => s.Score) + 1;
        return scores.Take(3).Select(s => new CategoryGuess(s.Category, Math.Round(s.Score / total, 3))).ToList();
    }

    private MessageKind KindOf(string text, string normalized)
    {
        if (MessageCues.IsJunk(normalized)) return MessageKind.Junk;
        if (MessageCues.IsCommand(normalized)) return MessageKind.Command;
        if (MessageCues.IsAbuse(normalized)) return MessageKind.ThreatOrAbuse;
        if (MessageCues.IsSmalltalk(normalized)) return MessageKind.Smalltalk;
        if (guidance.IsGuidanceQuestion(text)) return MessageKind.Question;
        return MessageKind.Incident;
    }
}
