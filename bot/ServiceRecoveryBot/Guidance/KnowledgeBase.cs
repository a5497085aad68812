namespace ServiceRecoveryBot.Guidance;

/// <summary>The guidance knowledge base (guidance-knowledge.json) and its BM25 ranking over titles, questions, synonyms and answers.</summary>
public sealed class KnowledgeBase
{
    private readonly Bm25Index index;

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
        }
    }

    public IReadOnlyList<KnowledgeEntry> Entries { get; }

    public KnowledgeEntry? Find(string id) => Entries.FirstOrDefault(e => e.Id == id);

    /// <summary>Entries best first; only entries that match at least one term.</summary>
    public IReadOnlyList<KnowledgeHit> Search(string question)
    {
        var terms = index.QueryTerms(question);
        if (terms.Count == 0) return [];
        var total = terms.Sum(index.Idf);
        var hits = new List<KnowledgeHit>();
        for (var i = 0; i < Entries.Count; i++)
        {
            var score = index.Score(i, terms);
            if (score <= 0) continue;
            var matched = terms.Where(t => t is not null && index.Contains(i, t)).Sum(index.Idf);
            hits.Add(new KnowledgeHit(Entries[i], score, total > 0 ? matched / total : 0));
        }
        return hits.OrderByDescending(h => h.Score).ThenBy(h => h.Entry.Id, StringComparer.Ordinal).ToList();
    }
}
