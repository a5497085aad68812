using ServiceRecoveryBot.Recovery.Cases;

using ServiceRecoveryBot.Sentiment.Languages;

namespace ServiceRecoveryBot.Recovery.Playbooks;

/// <summary>Suggests the failure category from what staff wrote, by the playbook's keywords (phrases count double).</summary>
public sealed class CategorySuggester(RecoveryPlaybook playbook)
{
    public FailureCategory? Suggest(string text)
    {
        var normalized = " " + Normalize(text) + " ";
        FailureCategory? best = null;
        var bestScore = 0;
        foreach (var entry in playbook.Categories)
        {
            var score = 0;
            foreach (var keyword in entry.Keywords)
            {
                if (normalized.Contains(" " + keyword + " ", StringComparison.Ordinal))
                    score += keyword.Contains(' ') ? 2 : 1;
            }
            // Safety outranks everything it co-occurs with: an allergen in a late meal is a safety case.
            if (entry.Category == FailureCategory.SafetyOrHealth) score *= 2;
            if (score > bestScore) (best, bestScore) = (entry.Category, score);
        }
        return best;
    }

    internal static string Normalize(string text)
    {
        var chars = text.ToLowerInvariant().Replace("’", "'", StringComparison.Ordinal).Select(c => char.IsLetterOrDigit(c) || c == '\'' ? LanguageDetector.FoldAccent(c) : ' ').ToArray();
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
