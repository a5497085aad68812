using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Recovery.Playbooks;

namespace ServiceRecoveryBot.Conversations;

/// <summary>
/// What people ask about a team's cases in chat: which cases mention a guest or a thing ("did anyone call back the
/// Okafor couple?"). Reads the team's newest cases (at most <see cref="RecentCases"/>) from the case list; the
/// summary of the last days comes from the stored figures (Insights), not from here.
/// </summary>
public sealed class CaseLookup(ICaseStore cases)
{
    public const int RecentCases = 500;

    /// <summary>Words too common in such questions to pick a case out ("the", "couple", "last night").</summary>
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "with", "from", "about", "our", "their", "his", "her", "who", "any", "anyone", "yet", "back", "last",
        "night", "yesterday", "today", "tonight", "this", "that", "morning", "afternoon", "evening", "week", "couple", "family",
        "guest", "guests", "customer", "customers", "lady", "gentleman", "man", "woman", "mr", "mrs", "ms", "case", "cases",
    };

    /// <summary>The team's cases whose story or customer mentions the most of the query's words, best and newest first (at most 5).</summary>
    public async Task<IReadOnlyList<CaseSummary>> SearchAsync(string team, string query, CancellationToken ct)
    {
        var words = WordsOf(query).Where(w => (w.Length >= 3 || w.Any(char.IsAsciiDigit)) && !Filler.Contains(w)).Distinct(StringComparer.Ordinal).ToList();
        if (words.Count == 0) return [];
        return (await cases.ListAsync(team, RecentCases, ct)).Where(c => c.Status != CaseStatus.Discarded)
            .Select(c => (Case: c, Hits: words.Count(WordsOf(c.WhatHappened + " " + c.Customer).ToHashSet(StringComparer.Ordinal).Contains)))
            .Where(m => m.Hits > 0)
            .OrderByDescending(m => m.Hits).ThenByDescending(m => m.Case.OpenedAt)
            .Take(5).Select(m => m.Case).ToList();
    }

    /// <summary>The text's words as the category suggester reads them (lower case, no accents), apostrophes and a possessive "'s" off.</summary>
    private static IEnumerable<string> WordsOf(string text) =>
        PlaybookText.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.EndsWith("'s", StringComparison.Ordinal) ? w[..^2] : w.Trim('\''))
            .Where(w => w.Length > 0);
}
