namespace ServiceRecoveryBot.Conversations.Practice;

/// <summary>
/// Reads what a staff member would say first against the recovery's first steps (domain 3.1 and 3.10): a sincere sorry,
/// the customer's feelings named, what happens next said, and no excuses or blame ("but", "policy", "not our fault").
/// </summary>
public static class PracticeFeedback
{
    private static readonly string[] Apology = ["sorry", "apologi", "apologis", "apologiz"];
    private static readonly string[] Empathy = ["understand", "frustrat", "upset", "i can see", "i hear", "must be", "awful", "terrible", "you're right", "you are right", "of course you"];
    private static readonly string[] Action = ["i will", "i'll", "let me", "i'm going to", "i am going to", "right now", "straight away", "immediately", "right away", "we will", "we'll"];
    private static readonly string[] Excuses = ["but ", "policy", "not our fault", "you should have", "calm down", "the system", "another department", "nothing i can do", "not my fault", "unfortunately"];

    public sealed record Result(bool SaidSorry, bool NamedFeelings, bool SaidWhatsNext, IReadOnlyList<string> Excuses)
    {
        public int Score => (SaidSorry ? 1 : 0) + (NamedFeelings ? 1 : 0) + (SaidWhatsNext ? 1 : 0) - Math.Min(Excuses.Count, 2);
    }

    public static Result Assess(string said)
    {
        var text = " " + said.ToLowerInvariant().Replace('’', '\'') + " ";
        return new Result(
            Apology.Any(text.Contains),
            Empathy.Any(text.Contains),
            Action.Any(text.Contains),
            [.. Excuses.Where(text.Contains).Select(e => e.Trim())]);
    }
}
