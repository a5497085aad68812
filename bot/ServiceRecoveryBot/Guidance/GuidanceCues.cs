using System.Text.RegularExpressions;

namespace ServiceRecoveryBot.Guidance;

/// <summary>The phrases that mark a message as a request for guidance rather than a report of what happened. Matched on normalized text.</summary>
internal static partial class GuidanceCues
{
    /// <summary>"guide", "guidance", "playbook", optionally followed by what it's for.</summary>
    public static bool IsGuideCommand(string normalized, out string rest)
    {
        var match = GuideCommand().Match(normalized);
        rest = match.Success ? match.Groups["rest"].Value.Trim() : normalized;
        return match.Success;
    }

    public static bool IsModelListRequest(string normalized) => ModelList().IsMatch(normalized);

    /// <summary>Opens like a question or a request for advice ("how do i", "what is", "steps for", "tips on").</summary>
    public static bool OpensAsQuestion(string normalized) => QuestionOpening().IsMatch(normalized) && !NotGuidance().IsMatch(normalized);

    /// <summary>
    /// Asks somewhere, not only at the start: the last clause opens as a question ("guest waiting for a fix, do i keep
    /// checking in") or the message ends asking what to do ("guest is screaming at me what do i do", "..., tips?").
    /// </summary>
    public static bool AsksAnywhere(string original, string normalized)
    {
        if (NotGuidance().IsMatch(normalized)) return false;
        // Only the end is read (a long story pasted in costs nothing), and a lone "help" or "tips" is not this.
        if (normalized.Count(c => c == ' ') >= 2 && EndsAsking().IsMatch(normalized.Length > 80 ? normalized[^80..] : normalized)) return true;
        var clauses = ClauseBreak().Split(original.Length > 200 ? original[^200..] : original).Where(c => c.Any(char.IsLetter)).ToArray();
        return clauses.Length > 1 && StaffAsks().IsMatch(clauses[^1].ToLowerInvariant().Trim(' ', '¿', '?', '!', '.'));
    }

    /// <summary>Asks for a way to handle something ("how do i handle", "deal with", "steps for", "what should i do about").</summary>
    public static bool AsksForPlaybook(string normalized) => PlaybookCue().IsMatch(normalized);

    [GeneratedRegex(@"^(?:show me (?:the )?|open (?:the )?|start (?:the )?|give me (?:the )?)?(?:guide|guidance|playbook|walkthrough)(?:\s+(?:me\s+)?(?:for|on|to|about|with|through)?\s*(?:an?\s+|the\s+)?(?<rest>.*))?$")]
    private static partial Regex GuideCommand();

    [GeneratedRegex(@"^(?:(?:list|show|show me|which|what|all)(?: the| all| your| of the)? )?(?:models|guides|step lists|recovery models|playbooks|methods|frameworks)(?: (?:do you have|are there|available|can you walk me through))?$")]
    private static partial Regex ModelList();

    [GeneratedRegex(@"[,;.:!?\-]+\s|\s-\s")]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"^(?:(?:do|should|can|could|shall|must) (?:i|we)|(?:how|what|when|why|where) (?:do|should|can|could|would) (?:i|we)|is it (?:ok|okay|fine|alright) (?:to|if)|qu[eé] (?:hago|hacemos|debo|debemos|le digo)|c[oó]mo (?:lo |la |le |les )?(?:hago|manejo|trato|calmo)|(?:debo|puedo|tengo que|podemos|debemos))\b")]
    private static partial Regex StaffAsks();

    [GeneratedRegex(@"(?:\bwhat (?:do|should|can|would) (?:i|we|u) do|\bwhat now|\bnow what|\bwhat next|\bwhat do i say|\bhow (?:do|should|can) (?:i|we|u) (?:handle|deal with|respond to|calm) (?:it|this|that|her|him|them)|\b(?:any )?tips|\bany advice|\badvice|\bhelp(?: me| pls| please)?|\bqu[eé] (?:hago|hacemos|debo hacer|le digo|les digo)|\bc[oó]mo lo (?:hago|manejo|soluciono))\W*$")]
    private static partial Regex EndsAsking();

    [GeneratedRegex(@"^(?:how|what|whats|why|when|which|whose|should|shall|can i|can we|can you explain|could i|could we|could you explain|do i|do we|do you|do \w+ (?:\w+ )?(?:get|have|need|deserve)|does|did we|is it|is there|is a|is an|is the|are there|are the|am i|explain|define|definition|meaning of|difference between|diff between|list (?:the|all|your)|tell me about|teach me|remind me|steps|step by step|tips|tip|any tips|advice|best way|walk me through|help me (?:handle|deal|with|apologi[sz]e|understand)|i need (?:help|advice|tips) (?:with|on|handling|for)|guide|any advice|best (?:way|apology|thing)|qu[eé] (?:hago|puedo|debo|digo|le digo|les digo|hacemos|es|significa|pasa si)|qu[eé] (?:le |les |se |me )?(?:ofrezco|ofrecemos|doy|damos|decimos|hacemos|podemos|debemos|son|tipo|hay)|c[oó]mo \p{L}+|cu[aá]nt[oa]s? \p{L}+|cu[aá]ndo \p{L}+|cu[aá]l(?:es)? \p{L}+|por qu[eé]|para qu[eé]|a qu[eé]|puedo|podemos|debo|debemos|tengo que|se puede|y si|hay que|¿)\b")]
    private static partial Regex QuestionOpening();

    [GeneratedRegex(@"\b(?:my (?:open )?cases|my (?:open )?follow ups|summary|practice mode|report for|sr ?[0-9a-z]{4})\b")]
    private static partial Regex NotGuidance();

    [GeneratedRegex(@"\b(?:handle|handling|deal with|dealing with|steps (?:for|to|on|with|when|if)|playbook|guide (?:for|to|on)|what (?:do|should|can) (?:i|we) do|recover from|recovering from|respond to|responding to|manage|managing|sort out|how (?:do|should|can|to) (?:i |we )?(?:fix|sort|resolve|solve|handle|approach|react))\b")]
    private static partial Regex PlaybookCue();
}
