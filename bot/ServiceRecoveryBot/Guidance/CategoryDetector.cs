using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Guidance;

/// <summary>Which failure category a guidance question is about, from the lexicon's category terms (phrases count double).</summary>
internal sealed class CategoryDetector(IReadOnlyList<CategoryTerms> categories)
{
    public FailureCategory? Detect(string normalized)
    {
        var padded = " " + normalized + " ";
        var stems = TextAnalyzer.Words(normalized).Select(TextAnalyzer.Stem).ToHashSet(StringComparer.Ordinal);
        FailureCategory? best = null;
        var bestScore = 0;
        foreach (var entry in categories)
        {
            var score = 0;
            foreach (var term in entry.Terms)
            {
                if (term.Contains(' ', StringComparison.Ordinal))
                {
                    if (padded.Contains(" " + term + " ", StringComparison.Ordinal)) score += 2;
                }
                else if (stems.Contains(TextAnalyzer.Stem(term)))
                {
                    score += 1;
                }
            }
            if (score > bestScore) (best, bestScore) = (entry.Category, score);
        }
        return best;
    }
}
