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
        var reference = ReferencePattern().Match(text) is { Success: true } r ? $"{Kind(r.Groups["kind"].Value)} {r.Groups["ref"].Value}".Trim() : null;
        if (reference is null && GuestInPattern().Match(text) is { Success: true } g) reference = "table/room " + g.Groups["ref"].Value;
        var lower = text.ToLowerInvariant();
        CustomerTier? tier = lower switch
        {
            _ when Regex.IsMatch(lower, @"\b(vip|v\.i\.p|platinum|gold (member|card|status|tier)|diamond|suite guest|elite|exec(utive)? member|cliente vip)\b") => CustomerTier.Vip,
            _ when Regex.IsMatch(lower, @"\b(regular|regulars|reg|loyal|frequent|every week|years|cliente (habitual|de siempre)|habitual|de toda la vida)\b") => CustomerTier.Regular,
            _ when Regex.IsMatch(lower, @"\b(first[- ]time(r)?|new customer|first visit|primera vez)\b") => CustomerTier.New,
            _ => null,
        };
        var quoted = QuotePattern().Match(text) is { Success: true } q ? q.Groups["words"].Value.Trim() : null;
        return new IncidentFacts(reference, tier, string.IsNullOrWhiteSpace(quoted) ? null : quoted)
        {
            Amounts = AmountPattern().Matches(text).Select(m => m.Value.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            Times = TimePattern().Matches(text).Select(m => m.Value.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
        };
    }

    /// <summary>The kind of reference, spelled out: staff write "rm", "tbl", "hab", "mesa".</summary>
    private static string Kind(string written) => written.ToLowerInvariant().TrimEnd('.') switch
    {
        "rm" or "rm#" or "hab" or "habitacion" or "habitación" or "cuarto" => "room",
        "tbl" or "tb" or "t" or "mesa" => "table",
        "ord" or "pedido" => "order",
        "flt" or "flight" or "vuelo" => "flight",
        "res" or "reserva" or "conf" => "booking",
        "asiento" => "seat",
        var kind => kind,
    };

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

    [GeneratedRegex(@"\b(?<kind>room|rm|table|tbl|tb|order|ord|seat|suite|booking|res|conf|ticket|gate|flight|flt|habitaci[oó]n|hab|cuarto|mesa|pedido|vuelo|reserva|asiento)\.?\s*(?:no\.?|number|num|n[ºo°]\.?|#)?\s*(?<ref>#?[A-Za-z]{0,2}\d[\w-]*)", RegexOptions.IgnoreCase)]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(@"\b(?:guest|guests|customer|party|couple|lady|man|woman|family|gentleman|pax|huesped|cliente|señora|señor)\s+(?:in|at|on|en|de la|del)\s+(?<ref>\d{1,5}[A-Za-z]?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex GuestInPattern();

    [GeneratedRegex("[\"“«](?<words>[^\"”»]{3,})[\"”»]")]
    private static partial Regex QuotePattern();

    /// <summary>Money: "$40", "£12.50", "40 eur", "30 bucks", "50 euros".</summary>
    [GeneratedRegex(@"(?:[$£€]\s?\d[\d,]*(?:\.\d{1,2})?)|(?:\b\d[\d,]*(?:\.\d{1,2})?\s?(?:dollars|bucks|quid|pounds|euros?|eur|usd|gbp|pesos|dolares|dólares)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex AmountPattern();

    /// <summary>Times and durations: "7pm", "19:30", "40 mins", "forty minutes", "2 hrs", "media hora".</summary>
    [GeneratedRegex(@"\b(?:\d{1,2}(?::\d{2})?\s?(?:am|pm)|\d{1,2}:\d{2}|(?:\d+|a|an|one|two|three|four|five|ten|fifteen|twenty|thirty|forty|forty-five|fifty|sixty|ninety|half an?)\s?(?:min|mins|minutes|hr|hrs|hours?|days?)|\d+\s?(?:minutos|horas|dias|días)|media hora)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimePattern();
}

/// <summary>What the first message says: a reference (room, table, order), the tier, the customer's quoted words, amounts and times as written.</summary>
public sealed record IncidentFacts(string? Reference, CustomerTier? Tier, string? CustomerWords)
{
    public IReadOnlyList<string> Amounts { get; init; } = [];

    public IReadOnlyList<string> Times { get; init; } = [];
}
