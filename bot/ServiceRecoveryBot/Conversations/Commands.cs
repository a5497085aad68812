using System.Text.RegularExpressions;

namespace ServiceRecoveryBot.Conversations;

public enum CommandKind
{
    None,
    Greeting,
    Help,
    Cancel,
    Back,
    Status,
    MyCases,
    Show,
    Resume,
    NewCase,
}

public sealed record Command(CommandKind Kind, string? Argument = null);

/// <summary>Recognises the bot's commands in what people actually type; anything else is not a command.</summary>
public static partial class Commands
{
    public static Command Parse(string text)
    {
        var t = Normalize(text);
        if (t.Length == 0) return new Command(CommandKind.None);
        if (t is "help" or "?" or "what can you do" or "commands" or "menu") return new Command(CommandKind.Help);
        if (t is "cancel" or "stop" or "pause" or "quit" or "exit" or "later" or "cancel case" or "pause case") return new Command(CommandKind.Cancel);
        if (t is "back" or "go back" or "undo" or "previous") return new Command(CommandKind.Back);
        if (t is "status" or "where are we" or "where was i") return new Command(CommandKind.Status);
        if (t is "hi" or "hello" or "hey" or "start" or "good morning" or "good evening") return new Command(CommandKind.Greeting);
        if (t is "my cases" or "cases" or "open cases" or "list" or "list cases" or "my open cases" or "show my cases" or "show me my open follow ups" or "my follow ups")
            return new Command(CommandKind.MyCases);
        if (t is "new" or "new case" or "open case" or "open a case" or "new incident" or "report") return new Command(CommandKind.NewCase);
        if (CasePattern().Match(t) is { Success: true } m) return CaseCommand(m);
        if (t is "resume" or "continue") return new Command(CommandKind.Resume);
        // A mistyped id ("show sr 7k3", "resume 7k3qq") is still a command: answer that the case isn't found rather
        // than open a new case called "show sr 7k3".
        if (MistypedCasePattern().Match(t) is { Success: true } typo) return CaseCommand(typo);
        if (NewWithTextPattern().Match(t) is { Success: true } n) return new Command(CommandKind.NewCase, n.Groups["rest"].Value);
        return new Command(CommandKind.None);
    }

    private static Command CaseCommand(Match m) =>
        new(m.Groups["verb"].Value is "resume" or "continue" ? CommandKind.Resume : CommandKind.Show, m.Groups["id"].Value);

    private static string Normalize(string text) => string.Join(' ', text.Trim().ToLowerInvariant().TrimEnd('.', '!', '?').Split(' ', StringSplitOptions.RemoveEmptyEntries)).Replace("-", " ", StringComparison.Ordinal);

    [GeneratedRegex(@"^(?<verb>show|open|view|case|resume|continue|status of|find)\s+(case\s+)?(?<id>(sr\s?)?[0-9a-z]{4})$")]
    private static partial Regex CasePattern();

    [GeneratedRegex(@"^(?:(?<verb>show|view|find)\s+(?:case\s+)?(?<id>\S+(?:\s\S+)?)|(?<verb>resume|continue)\s+(?:case\s+)?(?<id>sr\s?\S+|\S*\d\S*))$")]
    private static partial Regex MistypedCasePattern();

    [GeneratedRegex(@"^new case[:,]?\s+(?<rest>.+)$")]
    private static partial Regex NewWithTextPattern();
}
