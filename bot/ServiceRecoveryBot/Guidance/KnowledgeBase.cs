namespace ServiceRecoveryBot.Guidance;

/// <summary>The guidance knowledge base (guidance-knowledge.json) and its BM25 ranking over titles, questions, synonyms and answers.</summary>
public sealed class KnowledgeBase
{
    /// <summary>A question whose terms are exactly those of an entry's title or question variant is that entry's, all else being close.</summary>
    private const double ExactQuestionBonus = 1.25;

    private readonly Bm25Index index;
    private readonly List<HashSet<string>[]> phrasings = [];

    internal KnowledgeBase(IReadOnlyList<KnowledgeEntry> entries, TextAnalyzer analyzer)
    {
        Entries = entries;
        index = new Bm25Index(analyzer);
        foreach (var entry in entries)
        {
            index.Add(
            [
                (entry.Title, 3.0),
                (string.Join(" . ", entry.Questions), 2.0),
                (string.Join(" . ", entry.Synonyms), 2.0),
                (entry.Answer, 0.6),
            ]);
            phrasings.Add(entry.Questions.Append(entry.Title).Select(q => analyzer.Terms(q).ToHashSet(StringComparer.Ordinal)).ToArray());
        }
    }

    public IReadOnlyList<KnowledgeEntry> Entries { get; }

    public KnowledgeEntry? Find(string id) => Entries.FirstOrDefault(e => e.Id == id);

    /// <summary>Entries best first; only entries that match at least one term.</summary>
    public IReadOnlyList<KnowledgeHit> Search(string question)
    {
        var terms = index.QueryTerms(question);
        if (terms.Count == 0) return [];
        // Words the knowledge base has never seen count half: they are often filler ("receptionist", "tonight").
        var asked = terms.OfType<string>().ToHashSet(StringComparer.Ordinal);
        var total = terms.Sum(t => t is null ? index.Idf(t) / 2 : index.Idf(t));
        var hits = new List<KnowledgeHit>();
        for (var i = 0; i < Entries.Count; i++)
        {
            var score = index.Score(i, terms);
            if (score <= 0) continue;
            if (asked.Count == terms.Count && phrasings[i].Any(asked.SetEquals)) score *= ExactQuestionBonus;
            var matched = terms.Where(t => t is not null && index.Contains(i, t)).ToList();
            hits.Add(new KnowledgeHit(Entries[i], score, total > 0 ? matched.Sum(index.Idf) / total : 0, matched.Count, terms.Count));
        }
        return hits.OrderByDescending(h => h.Score).ThenBy(h => h.Entry.Id, StringComparer.Ordinal).ToList();
    }
}
