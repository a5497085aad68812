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

    /// <summary>The staff member's cases waiting for a follow-up, soonest due first.</summary>
    MyFollowUps,
    Show,
    Resume,
    NewCase,

    /// <summary>Cases of the team whose story mentions the argument ("did anyone call back the Okafor couple?").</summary>
    Search,

    /// <summary>The team's recovery summary over the last days (the argument: 1, 7 or 30).</summary>
    Summary,

    /// <summary>Practice on a hard made-up case; nothing is saved.</summary>
    Practice,

    /// <summary>The asker's own figures over the last days (the argument: 1, 7 or 30).</summary>
    MyFigures,

    /// <summary>Last month's cases as a CSV file (managers).</summary>
    ExportCases,

    /// <summary>Recompute the team's figures from its cases (managers and admins).</summary>
    RebuildFigures,

    /// <summary>A case opened by mistake, discarded (the argument: its id).</summary>
    Discard,

    /// <summary>"close SR-7K3Q": a case closes when its follow-up is recorded, so this says how.</summary>
    Close,

    /// <summary>The words after "question:" answered as guidance (a "did you mean" button).</summary>
    Ask,

    /// <summary>A new case through the coached walk, question by question (the argument: what happened, if said).</summary>
    Walk,
}

public sealed record Command(CommandKind Kind, string? Argument = null);

/// <summary>
/// Recognises the bot's commands in what people actually type, in English or in the Spanish the catalog quotes
/// ("mis casos", "ver SR-7K3Q", "retomar"); anything else is not a command.
/// </summary>
public static partial class Commands
{
    public static Command Parse(string text)
    {
        var t = Normalize(text);
        if (t.Length == 0) return new Command(CommandKind.None);
        if (t is "help" or "?" or "what can you do" or "commands" or "menu" or "ayuda" or "qué puedes hacer" or "que puedes hacer")
            return new Command(CommandKind.Help);
        if (t is "cancel" or "stop" or "pause" or "quit" or "exit" or "later" or "cancel case" or "pause case"
            or "cancelar" or "pausa" or "pausar" or "parar" or "luego" or "más tarde" or "mas tarde")
            return new Command(CommandKind.Cancel);
        if (t is "back" or "go back" or "undo" or "previous" or "atrás" or "atras" or "volver" or "anterior") return new Command(CommandKind.Back);
        if (t is "status" or "where are we" or "where was i" or "estado" or "dónde estamos" or "donde estamos") return new Command(CommandKind.Status);
        if (t is "hi" or "hello" or "hey" or "start" or "good morning" or "good evening" or "hola" or "buenos días" or "buenos dias"
            or "buenas tardes" or "buenas noches" or "buenas")
            return new Command(CommandKind.Greeting);
        if (t is "my cases" or "cases" or "open cases" or "list" or "list cases" or "my open cases" or "show my cases"
            or "mis casos" or "casos" or "casos abiertos" or "mis casos abiertos" or "ver mis casos")
            return new Command(CommandKind.MyCases);
        if (FollowUpsPattern().IsMatch(t) || t is "mis seguimientos" or "seguimientos" or "seguimientos pendientes")
            return new Command(CommandKind.MyFollowUps);
        if (t is "new" or "new case" or "open case" or "open a case" or "new incident" or "report" or "nuevo caso" or "abrir caso"
            or "abrir un caso" or "caso nuevo")
            return new Command(CommandKind.NewCase);
        if (CasePattern().Match(t) is { Success: true } m) return CaseCommand(m);
        if (DiscardPattern().Match(t) is { Success: true } d)
            return new Command(d.Groups["verb"].Value is "close" ? CommandKind.Close : CommandKind.Discard, d.Groups["id"].Value);
        if (AskPattern().Match(t) is { Success: true } ask) return new Command(CommandKind.Ask, AsTyped(text, t, ask.Groups["rest"]));
        if (t is "resume" or "continue" or "retomar" or "continuar" or "seguir") return new Command(CommandKind.Resume);
        // A mistyped id ("show sr 7k3", "resume 7k3qq") is still a command: answer that the case isn't found rather
        // than open a new case called "show sr 7k3".
        if (MistypedCasePattern().Match(t) is { Success: true } typo) return CaseCommand(typo);
        if (WalkPattern().Match(t) is { Success: true } walk)
            return new Command(CommandKind.Walk, walk.Groups["rest"].Success ? AsTyped(text, t, walk.Groups["rest"]) : null);
        if (NewWithTextPattern().Match(t) is { Success: true } n) return new Command(CommandKind.NewCase, AsTyped(text, t, n.Groups["rest"]));
        if (PracticePattern().IsMatch(t)) return new Command(CommandKind.Practice);
        if (t is "my figures" or "my stats" or "my numbers" or "my summary" or "my week" or "mis cifras" or "mis números" or "mis numeros"
            or "mi semana")
            return new Command(CommandKind.MyFigures, "7");
        if (ExportPattern().IsMatch(t) || t is "exportar casos" or "exportar casos del mes pasado" or "exportar")
            return new Command(CommandKind.ExportCases);
        if (t is "rebuild aggregates" or "rebuild figures" or "rebuild reports" or "rebuild stats") return new Command(CommandKind.RebuildFigures);
        if (SummaryPattern().Match(t) is { Success: true } summary) return new Command(CommandKind.Summary, DaysOf(summary.Groups["period"].Value));
        if (SpanishSummaryPattern().Match(t) is { Success: true } resumen)
            return new Command(CommandKind.Summary, resumen.Groups["period"].Value switch { "de hoy" or "del turno" => "1", "del mes" => "30", _ => "7" });
        if (SearchPattern().Match(t) is { Success: true } search) return new Command(CommandKind.Search, search.Groups["query"].Value);
        return new Command(CommandKind.None);
    }

    private static string DaysOf(string period) =>
        period.StartsWith("today", StringComparison.Ordinal) || period is "daily" or "shift" ? "1"
        : period.Contains("month", StringComparison.Ordinal) ? "30"
        : "7";

    private static Command CaseCommand(Match m) =>
        new(m.Groups["verb"].Value is "resume" or "continue" or "retomar" or "continuar" ? CommandKind.Resume : CommandKind.Show, m.Groups["id"].Value);

    private static string Normalize(string text) => string.Join(' ', text.Trim().ToLowerInvariant().TrimEnd('.', '!', '?').Split(' ', StringSplitOptions.RemoveEmptyEntries)).Replace("-", " ", StringComparison.Ordinal);

    private static string Collapse(string text) => string.Join(' ', text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// The free text a command carries ("walk me through it: …"), as the staff member typed it: names keep their
    /// capitals and the sentence its full stop. Lowercasing and "-" to " " keep positions, so the normalized match maps back.
    /// </summary>
    private static string AsTyped(string text, string normalized, Group rest)
    {
        var typed = Collapse(text);
        return typed.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal).StartsWith(normalized, StringComparison.Ordinal)
            ? typed[rest.Index..].Trim()
            : rest.Value;
    }

    [GeneratedRegex(@"^(?<verb>show|open|view|case|resume|continue|status of|find|ver|mostrar|abrir|retomar|continuar)\s+(case\s+|el caso\s+|caso\s+)?(?<id>(sr\s?)?[0-9a-z]{4})$")]
    private static partial Regex CasePattern();

    [GeneratedRegex(@"^(?:(?<verb>show|view|find|ver|mostrar)\s+(?:case\s+|el caso\s+|caso\s+)?(?<id>\S+(?:\s\S+)?)|(?<verb>resume|continue|retomar|continuar)\s+(?:case\s+|el caso\s+|caso\s+)?(?<id>sr\s?\S+|\S*\d\S*))$")]
    private static partial Regex MistypedCasePattern();

    [GeneratedRegex(@"^(?:(?:show|list|give)\s+(?:me\s+)?)?(?:my\s+)?(?:open\s+|due\s+|overdue\s+)?follow\s?ups?(?:\s+due)?(?:\s+(?:today|this week))?$")]
    private static partial Regex FollowUpsPattern();

    [GeneratedRegex(@"^(?:walk me through(?: it| a case| a recovery)?|coach me(?: through it)?|step by step|coached walk|gu[ií]ame(?: paso a paso)?|paso a paso)(?:[:,]?\s+(?<rest>.+))?$")]
    private static partial Regex WalkPattern();

    [GeneratedRegex(@"^(?<verb>delete|discard|remove|drop|bin|trash|close|borrar|eliminar|descartar)\s+(?:the\s+|this\s+)?(?:case\s+|el caso\s+)?(?<id>(?:sr\s?)?[0-9a-z]{4})$")]
    private static partial Regex DiscardPattern();

    [GeneratedRegex(@"^(?:question|ask|pregunta)[:,]\s+(?<rest>.+)$")]
    private static partial Regex AskPattern();

    [GeneratedRegex(@"^(?:new case|nuevo caso)[:,]?\s+(?<rest>.+)$")]
    private static partial Regex NewWithTextPattern();

    [GeneratedRegex(@"^(?:practi[cs]e(?:\s+mode)?|role\s?play|train me|quiz me|test me|pr[aá]ctica|practicar|entr[eé]name)(?!\w)|\bgive me an? (?:hard|tough|difficult|tricky) (?:one|case|customer)\b")]
    private static partial Regex PracticePattern();

    [GeneratedRegex(@"^(?:(?:give|show|send|get)\s+(?:me|us)\s+|what'?s\s+)?(?:the\s+|a\s+|our\s+)?(?<period>this\s+week'?s|weekly|week'?s|today'?s|daily|shift|monthly|this\s+month'?s)?\s*(?:recovery\s+|case\s+)?(?:summary|recap|stats|numbers)\b")]
    private static partial Regex SummaryPattern();

    [GeneratedRegex(@"^export(?:\s+(?:the\s+)?(?:cases|csv))?(?:\s+(?:for\s+|from\s+)?last\s+month)?(?:\s+as\s+csv)?$")]
    private static partial Regex ExportPattern();

    [GeneratedRegex(@"^(?:(?:did|has|have)\s+(?:anyone|anybody|someone|somebody|we)\s+(?:call(?:ed)?|rung?|phoned?|emailed|e mailed|contacted|followed up with|follow up with|got back to|get back to)(?:\s+back)?|any\s+(?:news|update)s?\s+(?:on|about|for)|what\s+happened\s+(?:with|to)|search(?:\s+for)?|look\s+up|cases?\s+(?:for|about)|buscar|busca)\s+(?<query>.+)$")]
    private static partial Regex SearchPattern();

    [GeneratedRegex(@"^(?:el\s+)?resumen(?:\s+(?<period>de la semana|semanal|de hoy|del turno|del mes))?$")]
    private static partial Regex SpanishSummaryPattern();
}
