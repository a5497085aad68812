using System.Text.RegularExpressions;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Understanding;

namespace ServiceRecoveryBot.Conversations;

/// <summary>Where a message with no case in progress goes (the router's reading of it).</summary>
public enum RouteKind
{
    Incident,
    Question,
    Command,
    Smalltalk,
    Junk,
    Threat,
    Unclear,
}

/// <summary>
/// Tells what a message is before anything opens a case: an incident only when it reads as one (a failure and someone
/// it happened to); questions, commands, greetings, emoji rows and keyboard mashing open none; threats go to safety.
/// </summary>
public sealed partial class MessageKinds(IUnderstanding understanding, Guidance.GuidanceService guidance)
{
    public RouteKind Classify(string text, CancellationToken ct)
    {
        var t = text.Trim();
        var lower = t.ToLowerInvariant();
        if (Commands.Parse(t).Kind is not (CommandKind.None or CommandKind.Greeting) || CaseVerbPattern().IsMatch(lower)) return RouteKind.Command;
        var words = WordPattern().Matches(lower).Select(m => m.Value).ToList();
        if (words.Count == 0 || words.All(w => w.All(char.IsDigit))) return t.Length > 0 && t.All(c => !char.IsLetterOrDigit(c)) && Smiles(t) ? RouteKind.Smalltalk : RouteKind.Junk;
        if (ThreatPattern().IsMatch(lower)) return RouteKind.Threat;
        if (Commands.Parse(t).Kind == CommandKind.Greeting || SmalltalkPattern().IsMatch(lower.TrimEnd('.', '!', '?', ' '))) return RouteKind.Smalltalk;
        if (words.Count(LooksLikeAWord) * 2 < words.Count || (words.Count <= 2 && words.All(w => !LooksLikeAWord(w) || Mashed(w)))) return RouteKind.Junk;

        var incidentCues = IncidentCues(lower, t, understanding.Understand(t, UnderstandingPurpose.Routing, ct));
        var asksHow = AskingHowPattern().IsMatch(lower);
        if (asksHow || (guidance.IsGuidanceQuestion(t) && incidentCues < 2)) return RouteKind.Question;
        if (incidentCues >= 2) return RouteKind.Incident;
        if (t.EndsWith('?') || t.StartsWith('¿')) return RouteKind.Question;
        return words.Count <= 2 ? RouteKind.Smalltalk : RouteKind.Unclear;
    }

    /// <summary>Signs that something happened to someone: a customer or a place, a failure word, their quoted words.</summary>
    private static int IncidentCues(string lower, string text, Understood understood)
    {
        var cues = 0;
        if (WhoPattern().IsMatch(lower) || understood.Facts.Reference is not null) cues++;
        if (FailurePattern().IsMatch(lower)) cues++;
        if (understood.Category is not null) cues++;
        if (understood.Facts.CustomerWords is not null) cues++;
        return cues;
    }

    private static bool Smiles(string text) => text.Any(c => char.IsSurrogate(c) || c > 0x2000);

    private static bool LooksLikeAWord(string word) =>
        word.All(char.IsDigit) || (word.Any(c => "aeiouyáéíóúü".Contains(c)) && !ConsonantRunPattern().IsMatch(word) && !Mashed(word));

    /// <summary>"jjjjjj", "hjkhjk": one letter over and over, or a short pattern typed again.</summary>
    private static bool Mashed(string word) =>
        word.Length >= 4 && (word.Distinct().Count() <= 2 || (word.Length >= 6 && word[..(word.Length / 2)] == word[(word.Length / 2)..]) || KeyboardRows.Any(row => word.Length >= 5 && row.Contains(word, StringComparison.Ordinal)));

    private static readonly string[] KeyboardRows = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];

    [GeneratedRegex(@"[\p{L}\p{N}']+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"[bcdfghjklmnpqrstvwxz]{5,}")]
    private static partial Regex ConsonantRunPattern();

    [GeneratedRegex(@"^(?:delete|discard|remove|close|cancel|drop|bin|trash|borrar|eliminar|cerrar)\s+(?:case\s+|el caso\s+)?(?:sr[\s-]?)?[0-9a-z]{4}$")]
    private static partial Regex CaseVerbPattern();

    [GeneratedRegex(@"\b(?:threat\w* (?:staff|us|me|him|her|them|our|the (?:staff|waiter|waitress|server|receptionist|porter|driver|cashier|manager|team)|to (?:hit|hurt|kill|punch|beat|stab|attack))|threats? (?:of violence|against)|punch\w*|knife|knives|gun|weapon|stab\w*|hurt (?:the|our|a|me|him|her|someone|somebody)|hit (?:me|him|her|the|our|a)|kill\w*|assault\w*|attack\w*|spat|spit at|grabbed|shoved|pushed (?:me|him|her|our|the)|threw (?:a|the|his|her) \w+ at|fight\w*|violent|violence|aggressive|abusive|abusing|amenaz\w* (?:al|a la|a los|a las|a nuestr\w+|con (?:pegar|golpear|matar|un cuchillo))|pegar\w*|golpe\w*|cuchillo|arma|agresiv\w*|pelea\w*)\b")]
    private static partial Regex ThreatPattern();

    [GeneratedRegex(@"^(?:hi|hey|hello|hiya|yo|hola|buenas|buenos d[ií]as|buenas (?:tardes|noches)|hey there|hi there|good (?:morning|afternoon|evening|night)|thanks?(?: you)?(?: so much)?|thx|ty|cheers(?: mate)?|gracias|ok|okay|k|cool|nice|great|lol|haha|yes|no|yep|nope|test|testing|bye|goodbye|see you|what'?s up|sup|how are you|how'?s it going|are you a (?:bot|robot)|who are you|de nada|vale)$")]
    private static partial Regex SmalltalkPattern();

    [GeneratedRegex(@"^(?:how (?:do|should|can|would) (?:i|we|you)|how to|what (?:do|should|can) (?:i|we) (?:say|do|offer|give)|what (?:is|are|does)|what'?s the|why (?:does|do|is it|should)|when should|can i|should i|is it ok|is there|who do i|tips|steps for|¿|c[oó]mo |qu[eé] (?:hago|digo|significa|es)|cu[aá]nto puedo|puedo )")]
    private static partial Regex AskingHowPattern();

    [GeneratedRegex(@"\b(?:guest|guests|customer|customers|client|patient|passenger|diner|caller|lady|man|woman|couple|family|party|regular|regulars|vip|table|room|suite|order|booking|reservation|delivery|parcel|item|product|dish|meal|bag|luggage|package|he|she|they|his|her|their|hu[eé]sped|cliente|clienta|mesa|habitaci[oó]n|pedido|reserva)\b")]
    private static partial Regex WhoPattern();

    [GeneratedRegex(@"\b(?:wrong|late|cold|raw|broken|missing|lost|never|not|no|didn'?t|wasn'?t|isn'?t|still|again|twice|rude|dirty|complain\w*|angry|furious|upset|unhappy|annoyed|waited|waiting|overcharged|charged|double|refund|leak\w*|smell\w*|found|dropped|ruined|sold out|overbooked|cancelled|delayed|out of stock|promised|forgot\w*|spil\w*|burnt|burned|undercooked|overcooked|stale|expired|fr[ií]a|fr[ií]o|sucia|sucio|falta|enfadad[oa]|cobr\w+|sin|tarde|roto|rota)\b")]
    private static partial Regex FailurePattern();
}
