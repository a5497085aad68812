using Microsoft.Extensions.Options;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Recovery.Compensation;
using ServiceRecoveryBot.Recovery.Playbooks;

namespace ServiceRecoveryBot.Guidance;

/// <summary>
/// Answers guidance questions and walks staff through recovery models one step at a time. Stateless and thread-safe:
/// build it once (a singleton); the caller keeps the <see cref="PlaybookWalk"/> in conversation state.
/// </summary>
public sealed class GuidanceService
{
    /// <summary>A top hit matching less than this share of the question's weight is a guess, unless it scores <see cref="StrongScore"/>.</summary>
    internal const double MinCoverage = 0.4;

    /// <summary>One matched word is enough only when it carries this share of the question's weight.</summary>
    internal const double SoleTermCoverage = 0.75;

    /// <summary>Below this BM25 score the top hit is too weak to answer with.</summary>
    internal const double MinScore = 2.0;

    /// <summary>A score this high means several distinctive words matched: answer even if other words were unknown.</summary>
    internal const double StrongScore = 5.0;

    /// <summary>When the runner-up scores at least this share of the top hit, the two are too close to call.</summary>
    internal const double MaxRunnerUpRatio = 0.8;

    /// <summary>A topic whose support (the seam's cosine plus the words' share) is below this is too far to answer with.</summary>
    public const double MinTopicScore = 0.3;

    /// <summary>How much a topic the words also rank among their closest three adds to the seam's score, scaled by its BM25 share.</summary>
    internal const double LexicalTopicWeight = 0.3;

    private static readonly string[] StarterTopics = ["bot-capabilities", "what-is-recovery"];

    private readonly HashSet<string> genericGuideTerms;
    private readonly TextAnalyzer analyzer;
    private readonly CategoryDetector categories;
    private readonly IReadOnlyList<(string Alias, RecoveryModel Model)> aliases;
    private readonly AuthorityOptions authority;

    /// <summary>With the default staff authority (what tests and the command line use).</summary>
    public GuidanceService(RecoveryPlaybook playbook)
        : this(playbook, Options.Create(new AuthorityOptions()))
    {
    }

    /// <summary>With the configured staff authority (<c>Recovery:Authority</c>), which the answer about authority quotes.</summary>
    public GuidanceService(RecoveryPlaybook playbook, IOptions<AuthorityOptions> authority)
    {
        ArgumentNullException.ThrowIfNull(authority);
        this.authority = authority.Value;
        var lexicon = GuidanceData.Load<Lexicon>("guidance-lexicon.json");
        analyzer = new TextAnalyzer(lexicon.StopWords, lexicon.SynonymGroups);
        categories = new CategoryDetector(lexicon.Categories);
        genericGuideTerms = analyzer.Terms("recovery service step steps process customer failure playbook guide guidance general whole full walk").ToHashSet(StringComparer.Ordinal);
        Models = new ModelCatalog(playbook);
        Knowledge = new KnowledgeBase(GuidanceData.Knowledge(), analyzer);
        aliases = Models.Models
            .SelectMany(m => m.Aliases.Select(a => (Alias: TextAnalyzer.Normalize(a), Model: m)))
            .OrderByDescending(a => a.Alias.Length)
            .ToList();
    }

    public ModelCatalog Models { get; }

    public KnowledgeBase Knowledge { get; }

    /// <summary>True when the text asks for guidance ("how do I apologise?", "guide", "steps for a late delivery") rather than reporting an incident.</summary>
    public bool IsGuidanceQuestion(string text)
    {
        var normalized = TextAnalyzer.Normalize(text);
        if (normalized.Length == 0) return false;
        if (GuidanceCues.IsGuideCommand(normalized, out _) || GuidanceCues.IsModelListRequest(normalized)) return true;
        if (GuidanceCues.OpensAsQuestion(normalized)) return true;
        // Asked at the end ("..., what do i do"): a question unless it tells of a failure, which is a case to open.
        if (GuidanceCues.AsksAnywhere(text, normalized) && categories.Detect(normalized) is null) return true;
        return normalized.Split(' ').Length <= 5 && NamedModel(normalized) is not null;
    }

    /// <summary>
    /// Answers a guidance question: "models" lists the step lists; a named model ("ahern", "the 4 steps") or "guide" starts a
    /// walk; a question about a kind of failure ("how do I handle a double charge?") starts that category's playbook; anything
    /// else goes to the knowledge base, which answers when sure and otherwise offers the 2-3 closest topics.
    /// </summary>
    public GuidanceAnswer Answer(string question) => Answer(question, []);

    /// <summary>
    /// As <see cref="Answer(string)"/>, with the topics the understanding seam found nearest (best first). The words decide
    /// when they are sure (a named model, a kind of failure, a clear knowledge entry); otherwise the seam's nearest topic,
    /// lifted by the words' own ranking of it, is the best guess; the closest topics only when nothing is near.
    /// </summary>
    public GuidanceAnswer Answer(string question, IReadOnlyList<TopicGuess> topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var normalized = TextAnalyzer.Normalize(question);
        if (normalized.Length == 0) return new GuidanceAnswer(GuidanceAnswerKind.Unknown, GuidanceReplies.Unknown);
        if (GuidanceCues.IsModelListRequest(normalized)) return new GuidanceAnswer(GuidanceAnswerKind.ModelList, GuidanceReplies.ModelList(Models.Models));

        var isGuide = GuidanceCues.IsGuideCommand(normalized, out var rest);
        if (isGuide && analyzer.Terms(rest).All(genericGuideTerms.Contains)) return Walk(Models.Default, null);
        var subject = isGuide ? rest : normalized;

        if (NamedModel(subject) is { } model) return Walk(model, null);

        if (categories.Detect(subject) is { } category && (isGuide || GuidanceCues.AsksForPlaybook(subject) || (!GuidanceCues.OpensAsQuestion(subject) && analyzer.Terms(subject).Count <= 3)))
            return Walk(Models.ForCategory(category), category);

        var hits = Knowledge.Search(subject);
        var lexical = FromKnowledge(hits, isGuide);
        if (lexical.Kind == GuidanceAnswerKind.KnowledgeEntry || topics.Count == 0) return lexical;
        return BestTopic(hits, topics) is { } topic && FromTopic(topic) is { } guessed ? guessed : lexical;
    }

    /// <summary>The seam's topic with the most support: its own score plus a share for the words ranking it among their closest three.</summary>
    private static string? BestTopic(IReadOnlyList<KnowledgeHit> hits, IReadOnlyList<TopicGuess> topics)
    {
        var top = hits.Count > 0 ? hits[0].Score : 0;
        var best = topics
            .Select(t => (t.Topic, Score: t.Score + (top > 0 && hits.Take(3).FirstOrDefault(h => h.Entry.Id == t.Topic) is { } hit ? LexicalTopicWeight * hit.Score / top : 0)))
            .OrderByDescending(t => t.Score).ThenBy(t => t.Topic, StringComparer.Ordinal).FirstOrDefault();
        return best.Topic is not null && best.Score >= MinTopicScore ? best.Topic : null;
    }

    /// <summary>
    /// Moves a walk on for "next", "back", "all steps", "step 3", "repeat" or "stop". Returns the reply, with
    /// <paramref name="next"/> the walk to store (null when the walk is over). Returns null, with <paramref name="next"/>
    /// unchanged, when the input is not a walk command, so the caller can route it elsewhere.
    /// </summary>
    public string? Continue(PlaybookWalk walk, string input, out PlaybookWalk? next)
    {
        next = walk;
        var command = TextAnalyzer.Normalize(input);
        var model = Models.Find(walk.ModelId);
        if (model is null)
        {
            next = null;
            return GuidanceReplies.UnknownModel;
        }
        switch (command)
        {
            case "next" or "n" or "next step" or "continue" or "go on" or "ok" or "okay" or "done" or "then what" or "and then" or "what next" or "whats next":
                next = walk.Next(model);
                return next is null ? GuidanceReplies.Finished(model) : GuidanceReplies.Step(model, next);
            case "back" or "b" or "previous" or "prev" or "go back" or "previous step" or "last step" or "step back":
                next = walk.Back();
                return walk.IsFirst ? GuidanceReplies.AlreadyFirst + "\n\n" + GuidanceReplies.Step(model, next) : GuidanceReplies.Step(model, next);
            case "all" or "all steps" or "whole" or "show all" or "show all steps" or "everything" or "whole thing" or "the whole thing" or "full" or "full list" or "list" or "all of it" or "whole playbook":
                return GuidanceReplies.Whole(model);
            case "repeat" or "again" or "this step" or "current step" or "where was i":
                return GuidanceReplies.Step(model, walk);
            case "stop" or "cancel" or "exit" or "quit" or "end" or "close" or "stop guide" or "close guide" or "thanks" or "thank you" or "got it":
                next = null;
                return GuidanceReplies.Stopped;
        }
        var parts = command.Split(' ');
        if (parts is ["step", var number] && int.TryParse(number, out var step) && step >= 1 && step <= model.Steps.Count)
        {
            next = walk with { Step = step - 1 };
            return GuidanceReplies.Step(model, next);
        }
        return null;
    }

    /// <summary>The answer for a topic id: a knowledge entry, or "playbook:" and a category for that category's playbook.</summary>
    private GuidanceAnswer? FromTopic(string topic)
    {
        if (topic.StartsWith(TopicGuess.PlaybookPrefix, StringComparison.Ordinal))
            return Enum.TryParse<FailureCategory>(topic[TopicGuess.PlaybookPrefix.Length..], out var category) ? Walk(Models.ForCategory(category), category) : null;
        return Knowledge.Find(topic) is { } entry ? Entry(entry) : null;
    }

    private GuidanceAnswer Entry(KnowledgeEntry entry) =>
        new(GuidanceAnswerKind.KnowledgeEntry, GuidanceReplies.Knowledge(entry, authority)) { EntryId = entry.Id };

    private GuidanceAnswer Walk(RecoveryModel model, FailureCategory? category)
    {
        var walk = PlaybookWalk.Start(model.Id);
        return new GuidanceAnswer(GuidanceAnswerKind.Playbook, GuidanceReplies.Step(model, walk, withHeader: true)) { Walk = walk, Category = category };
    }

    private GuidanceAnswer FromKnowledge(IReadOnlyList<KnowledgeHit> hits, bool isGuide)
    {
        if (hits.Count == 0)
            return isGuide ? Walk(Models.Default, null) : new GuidanceAnswer(GuidanceAnswerKind.Unknown, GuidanceReplies.Unknown);
        var top = hits[0];
        var close = hits.Count > 1 && hits[1].Score >= MaxRunnerUpRatio * top.Score;
        if (top.Score >= MinScore && !close && (top.Coverage >= MinCoverage || top.Score >= StrongScore)
            && (top.MatchedTerms >= 2 || top.MatchedTerms == top.QueryTerms || top.Coverage >= SoleTermCoverage))
            return Entry(top.Entry);
        var titles = hits.Take(3).Select(h => h.Entry.Title).ToList();
        // Always offer at least two ways forward: pad a lone weak match with the starter topics.
        foreach (var starter in StarterTopics.Select(Knowledge.Find).OfType<KnowledgeEntry>())
        {
            if (titles.Count >= 2) break;
            if (!titles.Contains(starter.Title)) titles.Add(starter.Title);
        }
        return new GuidanceAnswer(GuidanceAnswerKind.ClosestTopics, GuidanceReplies.ClosestTopics(titles)) { Topics = titles };
    }

    private RecoveryModel? NamedModel(string normalized)
    {
        var padded = " " + normalized + " ";
        foreach (var (alias, model) in aliases)
        {
            if (alias == "tips")
            {
                if (normalized is "tips" or "the tips" or "tips list" or "show tips" or "show me the tips") return model;
                continue;
            }
            if (padded.Contains(" " + alias + " ", StringComparison.Ordinal)) return model;
        }
        return null;
    }
}
