namespace ServiceRecoveryBot.Guidance;

/// <summary>
/// BM25F over weighted fields: a term's frequency in a document is the weighted sum of its frequency in each field.
/// Question terms missing from the vocabulary are corrected to the nearest vocabulary term (edit distance 1 from five letters, 2 from eight).
/// </summary>
internal sealed class Bm25Index
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly TextAnalyzer analyzer;
    private readonly List<Dictionary<string, double>> documents = [];
    private readonly List<double> lengths = [];
    private readonly Dictionary<string, int> documentFrequency = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> surface = new(StringComparer.Ordinal);
    private double averageLength;

    public Bm25Index(TextAnalyzer analyzer) => this.analyzer = analyzer;

    public int Count => documents.Count;

    public void Add(IEnumerable<(string Text, double Weight)> fields)
    {
        var frequencies = new Dictionary<string, double>(StringComparer.Ordinal);
        var length = 0.0;
        foreach (var (text, weight) in fields)
        {
            foreach (var (stem, term) in analyzer.StemsOf(text))
            {
                surface.TryAdd(stem, term);
                frequencies[term] = frequencies.GetValueOrDefault(term) + weight;
                length += weight;
            }
        }
        foreach (var term in frequencies.Keys) documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
        documents.Add(frequencies);
        lengths.Add(length);
        averageLength = lengths.Average();
    }

    /// <summary>The question's distinct terms after typo correction; unknown terms come back as null.</summary>
    public IReadOnlyList<string?> QueryTerms(string question)
    {
        var result = new List<string?>();
        foreach (var (stem, term) in analyzer.StemsOf(question))
        {
            var known = documentFrequency.ContainsKey(term) ? term : Correct(stem);
            if (known is null || !result.Contains(known)) result.Add(known);
        }
        return result;
    }

    public double Idf(string? term)
    {
        var n = term is null ? 0 : documentFrequency.GetValueOrDefault(term);
        return Math.Log(1 + (documents.Count - n + 0.5) / (n + 0.5));
    }

    public double Score(int document, IReadOnlyList<string?> terms)
    {
        var score = 0.0;
        var doc = documents[document];
        var norm = K1 * (1 - B + B * lengths[document] / averageLength);
        foreach (var term in terms)
        {
            if (term is null || !doc.TryGetValue(term, out var tf)) continue;
            score += Idf(term) * tf * (K1 + 1) / (tf + norm);
        }
        return score;
    }

    public bool Contains(int document, string term) => documents[document].ContainsKey(term);

    private string? Correct(string term)
    {
        if (term.Length < 5 || term.Any(char.IsDigit)) return null;
        var max = term.Length >= 8 ? 2 : 1;
        string? best = null;
        var bestDistance = max + 1;
        var bestFrequency = 0;
        var candidates = surface.Concat(analyzer.SynonymStems.Where(s => documentFrequency.ContainsKey(s.Value)));
        foreach (var (candidate, target) in candidates)
        {
            if (candidate.Length < 5) continue;
            var distance = TextAnalyzer.Distance(term, candidate, max);
            var frequency = documentFrequency[target];
            if (distance < bestDistance || (distance == bestDistance && distance <= max && (frequency > bestFrequency || (frequency == bestFrequency && string.CompareOrdinal(target, best) < 0))))
                (best, bestDistance, bestFrequency) = (target, distance, frequency);
        }
        return bestDistance <= max ? best : null;
    }
}
