using System.Text.Json;
using System.Text.RegularExpressions;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Recovery.Playbooks;

namespace ServiceRecoveryBot.Conversations.Recovery;

/// <summary>
/// Reads an answer to the quick capture: a card's submitted inputs, or typed words ("ok" to log it as shown; changed
/// lines such as "severity 3; vip; offer: free dessert; promise: call back by 6pm"; "walk me through it").
/// </summary>
public static partial class QuickCaptureReader
{
    public const string StepKey = "step";
    public const string ActionKey = "submit"; // not "action": Teams' invoke value.action is an object
    public const string LogAction = "log";

    /// <summary>The step id a card's submit carries, if it carries one.</summary>
    public static string? StepOf(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } v && v.TryGetProperty(StepKey, out var step) && step.ValueKind == JsonValueKind.String ? step.GetString() : null;

    /// <summary>The inputs of a submitted quick-capture card; null when the value is not one.</summary>
    public static QuickCaptureAnswer? FromCard(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } v || Text(v, ActionKey) != LogAction) return null;
        return new QuickCaptureAnswer
        {
            Category = Enum.TryParse<FailureCategory>(Text(v, "category"), out var category) ? category : null,
            Customer = Text(v, "customer"),
            Tier = Enum.TryParse<CustomerTier>(Text(v, "tier"), out var tier) ? tier : null,
            Severity = int.TryParse(Text(v, "severity"), out var severity) && severity is >= 1 and <= 4 ? severity : null,
            Fix = Text(v, "fix"),
            Atonement = Text(v, "atonement") ?? "none",
            Promise = Text(v, "promise") ?? "none",
            FollowUp = Text(v, "followUp"),
        };
    }

    /// <summary>Typed words read as an answer; null when nothing in them is understood.</summary>
    public static QuickCaptureAnswer? FromText(string text, RecoveryPlaybook playbook)
    {
        var t = text.Trim();
        var lower = t.ToLowerInvariant().TrimEnd('.', '!');
        if (WalkPattern().IsMatch(lower)) return new QuickCaptureAnswer { Walk = true };
        if (AcceptPattern().IsMatch(lower)) return new QuickCaptureAnswer();

        var answer = new QuickCaptureAnswer();
        var understood = false;
        foreach (var raw in t.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var clause = raw.TrimEnd('.');
            var c = clause.ToLowerInvariant();
            QuickCaptureAnswer? read = answer;
            if (SeverityPattern().Match(c) is { Success: true } s) read = answer with { Severity = int.Parse(s.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture) };
            else if (c is "vip" or "regular" or "new" or "new customer" or "a regular" or "regular guest" or "vip guest"
                     or "habitual" or "cliente habitual" or "nuevo" or "cliente nuevo" or "cliente vip")
                read = answer with
                {
                    Tier = c.Contains("vip", StringComparison.Ordinal) ? CustomerTier.Vip
                        : c.Contains("regular", StringComparison.Ordinal) || c.Contains("habitual", StringComparison.Ordinal) ? CustomerTier.Regular
                        : CustomerTier.New,
                };
            else if (Labelled(clause, FixLabels) is { } fix) read = answer with { Fix = fix };
            else if (Labelled(clause, AtonementLabels) is { } offer) read = answer with { Atonement = NoneOr(offer) };
            else if (Labelled(clause, PromiseLabels) is { } promise) read = answer with { Promise = NoneOr(promise) };
            else if (Labelled(clause, FollowUpLabels) is { } when) read = answer with { FollowUp = when };
            else if (Labelled(clause, CustomerLabels) is { } who) read = answer with { Customer = who };
            else if (Labelled(clause, CategoryLabels) is { } kind && CategoryOf(kind, playbook) is { } named) read = answer with { Category = named };
            else if (CategoryOf(clause, playbook) is { } category) read = answer with { Category = category };
            else if (c.StartsWith("promised ", StringComparison.Ordinal)) read = answer with { Promise = clause["promised ".Length..] };
            else read = null;
            if (read is null) return null; // one line not understood: ask again rather than log half an answer
            answer = read;
            understood = true;
        }
        return understood ? answer : null;
    }

    // Each in English and in the Spanish the catalog's quick capture shows ("solución: filete nuevo").
    private static readonly string[] FixLabels = ["fix", "fixed", "fix done", "did", "we did", "i did", "solución", "solucion", "hecho"];
    private static readonly string[] AtonementLabels =
        ["offer", "offered", "atonement", "gesture", "gave", "comp", "detalle", "oferta", "compensación", "compensacion"];
    private static readonly string[] PromiseLabels = ["promise", "promised", "promesa", "prometido"];
    private static readonly string[] FollowUpLabels = ["follow up", "follow-up", "followup", "follow up at", "follow up in", "seguimiento"];
    private static readonly string[] CustomerLabels = ["customer", "guest", "name", "who", "cliente", "nombre"];
    private static readonly string[] CategoryLabels = ["category", "kind", "type", "categoría", "categoria", "tipo"];

    /// <summary>"fix: replaced the steak" → "replaced the steak"; null when the clause has none of the labels.</summary>
    private static string? Labelled(string clause, string[] labels)
    {
        foreach (var label in labels.OrderByDescending(l => l.Length))
        {
            if (!clause.StartsWith(label, StringComparison.OrdinalIgnoreCase)) continue;
            var rest = clause[label.Length..];
            if (rest.Length == 0 || !(rest[0] is ':' or ' ' or '=')) continue;
            rest = rest.TrimStart(':', ' ', '=').Trim();
            if (rest.Length > 0) return rest;
        }
        return null;
    }

    private static string NoneOr(string text) => PromptInputWords.IsNone(text) ? "none" : text;

    /// <summary>A category named by its title, its name or a word of its title ("billing", "Wait or delay").</summary>
    public static FailureCategory? CategoryOf(string text, RecoveryPlaybook playbook)
    {
        var t = text.Trim().ToLowerInvariant();
        if (t.Length < 4) return null;
        foreach (var entry in playbook.Categories)
        {
            var title = entry.Title.ToLowerInvariant();
            if (t == title || t == entry.Category.ToString().ToLowerInvariant()) return entry.Category;
        }
        var matches = playbook.Categories.Where(e => e.Title.ToLowerInvariant().Split(' ', '/').Any(w => w.Length >= 4 && w == t)).ToList();
        return matches.Count == 1 ? matches[0].Category : null;
    }

    private static string? Text(JsonElement v, string key) =>
        v.TryGetProperty(key, out var p) && p.ValueKind == JsonValueKind.String && p.GetString()!.Trim() is { Length: > 0 } s ? s : null;

    [GeneratedRegex(@"^(?:walk me through(?: it)?|walk me|coach me|step by step|guide me through(?: it)?|coached walk|full walk|gu[ií]ame(?: paso a paso)?|paso a paso)$")]
    private static partial Regex WalkPattern();

    [GeneratedRegex(@"^(?:ok|okay|k|yes|y|yep|yeah|log|log it|log that|submit|save|save it|done|good|fine|correct|right|looks good|looks right|all good|that's right|that's it|send|confirm|👍|sí|si|vale|registrar|regístralo|registralo|guardar|listo|correcto|de acuerdo)$")]
    private static partial Regex AcceptPattern();

    [GeneratedRegex(@"^(?:severity\s*(?:is\s*)?|sev\s*|gravedad\s*|s)(?<n>[1-4])$")]
    private static partial Regex SeverityPattern();
}

/// <summary>Words staff type for "nothing" at an optional answer.</summary>
internal static class PromptInputWords
{
    public static bool IsNone(string text) =>
        text.Trim().TrimEnd('.', '!').ToLowerInvariant() is "none" or "nothing" or "no" or "n/a" or "-" or "skip" or "no promise" or "no gesture"
            or "ninguno" or "ninguna" or "nada" or "saltar";
}
