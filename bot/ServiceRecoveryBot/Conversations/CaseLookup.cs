using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Recovery.Playbooks;

namespace ServiceRecoveryBot.Conversations;

/// <summary>
/// What people ask about a team's cases in chat: which cases mention a guest or a thing ("did anyone call back the
/// Okafor couple?"), and the recovery summary of the last days. Reads the team's newest cases (at most
/// <see cref="RecentCases"/>) from the case list.
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
        return (await cases.ListAsync(team, RecentCases, ct))
            .Select(c => (Case: c, Hits: words.Count(WordsOf(c.WhatHappened + " " + c.Customer).ToHashSet(StringComparer.Ordinal).Contains)))
            .Where(m => m.Hits > 0)
            .OrderByDescending(m => m.Hits).ThenByDescending(m => m.Case.OpenedAt)
            .Take(5).Select(m => m.Case).ToList();
    }

    /// <summary>The team's cases opened in the last <paramref name="days"/> days, counted the ways a manager reads them.</summary>
    public async Task<TeamSummary> SummarizeAsync(string team, int days, DateTimeOffset now, CancellationToken ct)
    {
        var since = now.AddDays(-days);
        var recent = (await cases.ListAsync(team, RecentCases, ct)).Where(c => c.OpenedAt >= since).ToList();
        return new TeamSummary(
            days,
            recent.Count,
            Closed: recent.Count(c => c.Status == CaseStatus.Closed),
            AwaitingFollowUp: recent.Count(c => c.Status == CaseStatus.AwaitingFollowUp),
            OverdueFollowUps: recent.Count(c => c.Status == CaseStatus.AwaitingFollowUp && c.FollowUpAt < now),
            Unfinished: recent.Count(c => c.Status is CaseStatus.InProgress or CaseStatus.Paused),
            Severe: recent.Count(c => c.Severity >= 3),
            Flagged: recent.Count(c => c.Flagged),
            TopCategories: [.. recent.Where(c => c.Category is not null).GroupBy(c => c.Category!.Value)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Take(3).Select(g => (g.Key, g.Count()))]);
    }

    /// <summary>The text's words as the category suggester reads them (lower case, no accents), apostrophes and a possessive "'s" off.</summary>
    private static IEnumerable<string> WordsOf(string text) =>
        PlaybookText.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.EndsWith("'s", StringComparison.Ordinal) ? w[..^2] : w.Trim('\''))
            .Where(w => w.Length > 0);
}

/// <summary>A team's cases over some days: how many, how they stand, and what failed most.</summary>
public sealed record TeamSummary(
    int Days, int Opened, int Closed, int AwaitingFollowUp, int OverdueFollowUps, int Unfinished, int Severe, int Flagged,
    IReadOnlyList<(FailureCategory Category, int Count)> TopCategories);
