using System.Text.RegularExpressions;

namespace ServiceRecoveryBot.Understanding;

/// <summary>
/// The lexical cues for a message's kind (commands, greetings, junk, abuse aimed at the reader) and for words that
/// complain without a tone word ("this is how you treat me?", "I want the manager"). Matched on normalized text.
/// </summary>
internal static partial class MessageCues
{
    public static bool IsCommand(string normalized) => Command().IsMatch(normalized);

    public static bool IsSmalltalk(string normalized) => Smalltalk().IsMatch(normalized);

    /// <summary>No word to read: no letters, or every word a keyboard run or without a vowel.</summary>
    public static bool IsJunk(string normalized)
    {
        var words = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || !normalized.Any(char.IsLetter)) return true;
        return words.All(w => w.Length >= 4 && (KeyboardRun().IsMatch(w) || !w.Any(c => "aeiouyáéíóú".Contains(c))) && !w.Any(char.IsDigit));
    }

    /// <summary>Abuse or a threat aimed at whoever reads it ("f*** you", "stupid bot"), with nothing about a customer.</summary>
    public static bool IsAbuse(string normalized) => Abuse().IsMatch(normalized) && !AboutSomeoneElse().IsMatch(normalized);

    public static bool Complains(string normalized) => Complaint().IsMatch(normalized);

    [GeneratedRegex(@"^(?:my (?:open )?cases|my follow ?ups|my followups|status|help|menu|cancel|pause|skip|back|undo|new case|start over|restart|practice|give me a hard one|digest|register channel|(?:show|resume|open|follow up|close) sr ?[0-9a-z]{4}|sr ?[0-9a-z]{4}|(?:today'?s|this week'?s|weekly|monthly|daily) (?:summary|stats)|summary|stats|add manager .*|mis casos|ayuda|cancelar|pausa|estado)$")]
    private static partial Regex Command();

    [GeneratedRegex(@"^(?:hi|hii+|hello|hey|heya|yo|hiya|morning|good (?:morning|afternoon|evening|night)|thanks|thank you|thx|ty|cheers|ok|okay|k|kk|cool|great|nice|bye|see ya|how are you|how r u|hows it going|you there|are you there|test|testing|hola|buenas|buenos dias|buenas tardes|buenas noches|gracias|muchas gracias|vale|adios|que tal)(?: (?:there|bot|mate|all|team|again|so much|a lot|thanks|guys))*[ !.?]*$")]
    private static partial Regex Smalltalk();

    [GeneratedRegex(@"(?:asdf|sdfg|dfgh|fghj|ghjk|hjkl|qwer|wert|erty|rtyu|tyui|yuio|uiop|zxcv|xcvb|cvbn|vbnm|jkjk|lkjh|ksks)")]
    private static partial Regex KeyboardRun();

    [GeneratedRegex(@"^(?:f+u+c*k+ (?:you|u|off|this)|fuck (?:you|u|off|this)|f\*+ (?:you|u|off)|screw you|shut up|stupid bot|useless bot|dumb bot|you(?:'re| are)? (?:useless|stupid|an idiot|a joke|garbage|trash)|go to hell|die|i(?:'ll| will) (?:kill|find|hurt) you|vete a la mierda|que te den|bot (?:inutil|estupido))\b")]
    private static partial Regex Abuse();

    [GeneratedRegex(@"\b(?:guest|customer|client|he|she|they|him|her|them|man|woman|lady|guy|table|room|rm|tbl|pax|passenger|cliente|huesped)\b")]
    private static partial Regex AboutSomeoneElse();

    [GeneratedRegex(@"(?:\b(?:is this|this is|that'?s|thats) how (?:you|u) (?:treat|talk to|speak to|look after|deal with)|\bhow (?:dare|could) you\b|\b(?:i|we) (?:want|need|demand|wanna) (?:to (?:speak|talk) (?:to|with) |to see )?(?:the|your|a|ur) (?:manager|mgr|supervisor|boss|gm|owner)\b|\b(?:get|fetch|call) (?:me |us )?(?:the|your|a|ur) (?:manager|mgr|supervisor|boss|gm)\b|\b(?:never|not) (?:\w+ ){0,3}(?:again|back)\b|\bnunca mas\b|\bunacceptable\b|\bridiculous\b|\bdisgrace(?:ful)?\b|\bappalling\b|\bshocking\b|\bembarrassing\b|\bjoke\b|\bwaste of (?:my |our )?(?:time|money)\b|\b(?:i'?m|we'?re|im) (?:so )?(?:done|finished) with\b|\bdon'?t (?:bother|care)\b|\bwhat (?:a|the) (?:hell|heck|joke)\b|\bes (?:una )?(?:verguenza|vergüenza|inaceptable)\b|\bquiero (?:hablar con )?(?:el|al|la) (?:gerente|encargad[oa]|responsable|director[a]?)\b|\besto es (?:una )?(?:broma|vergüenza|verguenza)\b)")]
    private static partial Regex Complaint();
}
