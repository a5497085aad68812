using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServiceRecoveryBot.Conversations;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Sentiment.Languages;

namespace ServiceRecoveryBot.Channels.Cards;

/// <summary>
/// Adaptive Cards (v1.5) for managers and for follow-ups: reminders, escalations, approvals and the digest. Every card
/// carries the case's context so it can be acted on without opening anything else; buttons submit
/// <c>{ "command": ..., "caseId": ... }</c>, and the card's text says the equivalent typed command for channels
/// without cards.
/// </summary>
public static class ManagerCards
{
    public const string CommandKey = "command";
    public const string CaseKey = "caseId";
    public const string AmountKey = "amount";

    public static Activity FollowUpReminder(RecoveryCase c, string heading)
    {
        var actions = Actions(Submit("Record follow-up", "followup", c), Submit("Snooze 1 h", "snooze", c), Submit("Reassign", "reassign", c));
        return Message($"{heading}: {c.Id}. Say \"follow up {c.Id}\", \"snooze {c.Id}\" or \"reassign {c.Id}\".",
            Card(Heading(heading, c), Facts(c), actions.Set), actions.Typed);
    }

    public static Activity Escalation(RecoveryCase c, string reason)
    {
        var actions = Actions(Submit("Record follow-up", "followup", c), Submit("Reassign", "reassign", c));
        return Message($"Escalation — {c.Id}: {reason}", Card(Heading("Escalation: " + reason, c), Facts(c), actions.Set), actions.Typed);
    }

    public static Activity ApprovalRequest(RecoveryCase c)
    {
        var actions = Actions(Submit("Approve", "approve", c, "positive"), Submit("Decline", "decline", c, "destructive"), Submit("Approve this amount", "approve-amount", c));
        return Message($"Approval needed for {c.Id}: {c.Atonement?.Offer}. Say \"approve {c.Id}\", \"approve {c.Id} 40\" or \"decline {c.Id}\".",
            Card(Heading("Approval needed", c), Facts(c),
                new JsonObject { ["type"] = "Input.Number", ["id"] = AmountKey, ["label"] = "Approve a different amount", ["min"] = 0 },
                actions.Set),
            actions.Typed);
    }

    public static Activity ApprovalDecided(RecoveryCase c, string decidedBy) =>
        Message($"{c.Id}: {Decision(c)} by {decidedBy}.",
            Card(Heading($"Approval {Decision(c)}", c), Facts(c), new JsonObject { ["type"] = "TextBlock", ["text"] = $"Decided by {decidedBy}.", ["wrap"] = true, ["isSubtle"] = true }));

    public static Activity Digest(string title, IReadOnlyList<(string Heading, IReadOnlyList<CaseSummary> Cases)> sections)
    {
        var lines = sections.Select(s => $"**{s.Heading}** ({s.Cases.Count})" + (s.Cases.Count == 0 ? "" : "\n" + string.Join("\n", s.Cases.Take(10).Select(c => $"- {c.Id} · S{c.Severity?.ToString(CultureInfo.InvariantCulture) ?? "?"} · {Short(c.WhatHappened)}"))));
        var text = title + "\n\n" + string.Join("\n\n", lines);
        var body = new List<JsonNode> { new JsonObject { ["type"] = "TextBlock", ["text"] = title, ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true } };
        foreach (var (heading, cases) in sections)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = $"{heading} ({cases.Count})", ["weight"] = "Bolder", ["wrap"] = true, ["spacing"] = "Medium" });
            foreach (var c in cases.Take(10))
                body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = $"{c.Id} · S{c.Severity?.ToString(CultureInfo.InvariantCulture) ?? "?"} · {Short(c.WhatHappened)}", ["wrap"] = true, ["spacing"] = "None" });
        }
        return Message(text, Card([.. body]));
    }

    /// <summary>Reads a card submit: the command and case id, or null when the activity is not one.</summary>
    public static (string Command, string CaseId, decimal? Amount)? ReadSubmit(Activity activity)
    {
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value) return null;
        if (!value.TryGetProperty(CommandKey, out var command) || !value.TryGetProperty(CaseKey, out var caseId)) return null;
        decimal? amount = null;
        if (value.TryGetProperty(AmountKey, out var a))
        {
            if (a.ValueKind == JsonValueKind.Number && a.TryGetDecimal(out var number)) amount = number;
            else if (a.ValueKind == JsonValueKind.String && decimal.TryParse(a.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var text)) amount = text;
        }
        return (command.GetString() ?? "", caseId.GetString() ?? "", amount);
    }

    private static string Decision(RecoveryCase c) => c.Atonement?.Approval switch
    {
        ApprovalState.Approved => "approved" + (c.Atonement.Amount is { } amount ? $" ({amount.ToString("0.##", CultureInfo.InvariantCulture)})" : ""),
        ApprovalState.Declined => "declined",
        _ => "pending",
    };

    private static JsonObject Heading(string heading, RecoveryCase c) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = $"{heading} — {c.Id}",
        ["weight"] = "Bolder",
        ["size"] = "Medium",
        ["wrap"] = true,
    };

    private static JsonObject Facts(RecoveryCase c)
    {
        var facts = new JsonArray();
        void Add(string title, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) facts.Add(new JsonObject { ["title"] = title, ["value"] = value });
        }
        Add("Case", $"{c.Id} · {Replies.Describe(c.Status)}");
        Add("Severity", c.Severity is { } s ? $"S{s} {Replies.SeverityName(s)}" : null);
        Add("Customer", c.Customer is { } customer ? Replies.Describe(customer) : null);
        Add("What happened", Short(c.WhatHappened));
        Add("Customer said", c.CustomerWords is { } words ? Short(words) : null);
        Add("Done", c.FixDone);
        Add("Offered", c.Atonement is { } a ? a.Offer + (a.Approval == ApprovalState.Pending ? " (pending approval)" : "") : null);
        Add("Promised", c.Promise is { } p ? Replies.Describe(p) : null);
        Add("Follow up", c.FollowUpAt is { } f ? Replies.When(f) : null);
        Add("Tone", c.Tones.LastOrDefault() is { } t ? Describe(t) : null);
        Add("Staff", c.StaffName ?? c.StaffId);
        return new JsonObject { ["type"] = "FactSet", ["facts"] = facts };
    }

    /// <summary>"Negative (-0.34) · in Spanish · Urgent", or "not scored (French)" for words the analyzer could not read.</summary>
    private static string Describe(ToneReading tone)
    {
        var language = tone.Language is { } code && code != "en" ? LanguageDetector.NameOf(code) : null;
        var reading = !tone.Scored
            ? $"not scored ({language ?? "another language"})"
            : $"{tone.Label} ({tone.Compound.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture)})" + (language is null ? "" : " · in " + language);
        return reading + (tone.Flags.Count > 0 ? " · " + string.Join(", ", tone.Flags) : "");
    }

    private static JsonObject Submit(string title, string command, RecoveryCase c, string? style = null)
    {
        var action = new JsonObject
        {
            ["type"] = "Action.Submit",
            ["title"] = title,
            ["data"] = new JsonObject { [CommandKey] = command, [CaseKey] = c.Id.Value },
        };
        if (style is not null) action["style"] = style;
        return action;
    }

    /// <summary>
    /// The card's buttons, and the same buttons typed out ("approve SR-7K3Q", as ManagerCommands reads them) for channels
    /// where cards don't render (see <see cref="ChannelCapabilities.Fit"/>); one that needs an input (another amount) has none.
    /// </summary>
    private static (JsonObject Set, IReadOnlyList<CardAction> Typed) Actions(params JsonObject[] actions) =>
        (new JsonObject { ["type"] = "ActionSet", ["actions"] = new JsonArray(actions) }, [.. actions.Select(Typed).OfType<CardAction>()]);

    private static CardAction? Typed(JsonObject submit)
    {
        var data = submit["data"]!;
        var typed = data[CommandKey]!.GetValue<string>() switch
        {
            "followup" => "follow up",
            "approve-amount" => null,
            var command => command,
        };
        return typed is null ? null : new CardAction { Type = "imBack", Title = submit["title"]!.GetValue<string>(), Value = $"{typed} {data[CaseKey]!.GetValue<string>()}" };
    }

    private static JsonObject Card(params JsonNode[] body) => AdaptiveCard.Card(new JsonArray(body));

    private static Activity Message(string text, JsonObject card, IReadOnlyList<CardAction>? typed = null) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Summary = text,
        Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = JsonSerializer.SerializeToElement(card) }],
        SuggestedActions = typed is { Count: > 0 } ? new SuggestedActions { Actions = typed } : null,
    };

    private static string Short(string text) => text.Length <= 120 ? text : text[..117] + "...";
}
