using System.Text.RegularExpressions;

namespace ServiceRecoveryBot.Recovery.Cases;

/// <summary>
/// Reads what a staff member's first message already says, so the dialog does not ask it again: a room, table or
/// order reference, the customer's tier, and the customer's own words when quoted.
/// </summary>
public static partial class IncidentParser
{
    public static IncidentFacts Parse(string text)
    {
        var reference = ReferencePattern().Match(text) is { Success: true } r ? $"{r.Groups["kind"].Value.ToLowerInvariant()} {r.Groups["ref"].Value}".Trim() : null;
        if (reference is null && GuestInPattern().Match(text) is { Success: true } g) reference = "table/room " + g.Groups["ref"].Value;
        var lower = text.ToLowerInvariant();
        CustomerTier? tier = lower switch
        {
            _ when Regex.IsMatch(lower, @"\b(vip|platinum|gold member|diamond|suite guest)\b") => CustomerTier.Vip,
            _ when Regex.IsMatch(lower, @"\b(regular|regulars|loyal|frequent|every week|years)\b") => CustomerTier.Regular,
            _ when Regex.IsMatch(lower, @"\b(first[- ]time|new customer|first visit)\b") => CustomerTier.New,
            _ => null,
        };
        var quoted = QuotePattern().Match(text) is { Success: true } q ? q.Groups["words"].Value.Trim() : null;
        return new IncidentFacts(reference, tier, string.IsNullOrWhiteSpace(quoted) ? null : quoted);
    }

    /// <summary>
    /// Whether an answer reads as a person's name ("Mrs Patel", "Dr. Okafor", "John Smith"): a title and a name, or two
    /// to four capitalised words, with no digits. A lone word ("Regualr") is not taken for one.
    /// </summary>
    public static bool LooksLikeName(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length is < 2 or > 5 || text.Length > 60 || text.Any(char.IsDigit)) return false;
        if (Titles.Contains(words[0].TrimEnd('.'))) return true;
        return words.Length <= 4 && words.All(w => char.IsUpper(w[0]) && w.Skip(1).All(c => char.IsLetter(c) || c is '\'' or '-' or '’'));
    }

    private static readonly HashSet<string> Titles = new(["mr", "mrs", "ms", "miss", "mx", "dr", "sir", "madam", "mme", "m", "herr", "frau", "sr", "sra", "srta"], StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"\b(?<kind>room|table|order|seat|suite|booking|ticket|gate)\s*(?:no\.?|number|#)?\s*(?<ref>#?[A-Za-z]?\d[\w-]*)", RegexOptions.IgnoreCase)]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(@"\b(?:guest|customer|party|couple|lady|man|woman|family)\s+(?:in|at|on)\s+(?<ref>\d{1,5}[A-Za-z]?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex GuestInPattern();

    [GeneratedRegex("[\"“](?<words>[^\"”]{3,})[\"”]")]
    private static partial Regex QuotePattern();
}

public sealed record IncidentFacts(string? Reference, CustomerTier? Tier, string? CustomerWords);
