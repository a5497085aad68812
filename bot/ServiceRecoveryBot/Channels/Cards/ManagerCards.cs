using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServiceRecoveryBot.Conversations;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Sentiment.Languages;
using ServiceRecoveryBot.Text;

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
    public const string ToKey = "to";

    /// <summary>The <c>verb</c> of the Teams refresh action (Universal Actions): asks for the card as the clicking user should see it.</summary>
    public const string RefreshCommand = Conversations.Managers.ManagerCommands.RefreshCommand;

    public static Activity FollowUpReminder(RecoveryCase c, string heading)
    {
        var actions = Actions(Submit("Record follow-up", "followup", c), Submit("Snooze 1 h", "snooze", c), Submit("Reassign", "reassign", c));
        return Message($"{heading}: {c.Id}. Say \"follow up {c.Id}\", \"snooze {c.Id}\" or \"reassign {c.Id}\".",
            Card(Heading(heading, c), Facts(c), actions.Set), actions.Typed);
    }

    /// <summary>A promise to the customer is due: to the staff member, with the button that marks it kept.</summary>
    public static Activity PromiseReminder(RecoveryCase c)
    {
        var heading = $"Promise due: \"{c.Promise?.What}\"";
        var actions = Actions(Submit("Kept", "kept", c, "positive"), Submit("Record follow-up", "followup", c), Submit("Reassign", "reassign", c));
        return Message($"{heading}: {c.Id}. Say \"kept {c.Id}\" once it's done.", Card(Heading(heading, c), Facts(c), actions.Set), actions.Typed);
    }

    /// <summary>An overdue follow-up: the buttons record it or give it to someone else.</summary>
    public static Activity Escalation(RecoveryCase c, string reason) =>
        EscalationWith(c, reason, Submit("Record follow-up", "followup", c), Submit("Reassign", "reassign", c));

    /// <summary>An overdue promise: the buttons mark it kept or give the case to someone else.</summary>
    public static Activity PromiseEscalation(RecoveryCase c) =>
        EscalationWith(c, "a promise to the customer is overdue", Submit("Kept", "kept", c, "positive"), Submit("Reassign", "reassign", c));

    /// <summary>An approval request still waiting: the buttons decide it, or give the case to someone else.</summary>
    public static Activity ApprovalEscalation(RecoveryCase c) =>
        EscalationWith(c, "an approval request is still waiting", Submit("Approve", "approve", c, "positive"), Submit("Decline", "decline", c, "destructive"), Submit("Reassign", "reassign", c));

    private static Activity EscalationWith(RecoveryCase c, string reason, params JsonObject[] buttons)
    {
        var actions = Actions(buttons);
        return Message($"Escalation — {c.Id}: {reason}. {string.Join(", ", actions.Typed.Select(a => $"\"{a.Value}\""))}",
            Card(Heading("Escalation: " + reason, c), Facts(c), actions.Set), actions.Typed);
    }

    /// <summary>
    /// The approval request. With <paramref name="universalActions"/> (Teams), the card as sent shows the request's
    /// status to everyone, and its <c>refresh</c> gives the managers named in <paramref name="managerIds"/> the card with
    /// the buttons (<see cref="ApprovalView"/>); elsewhere (Web Chat) the card has the buttons as <c>Action.Submit</c>.
    /// Approve and Decline work with the amount box empty: it has no minimum, which Web Chat would enforce by not
    /// submitting an empty box. In a <paramref name="personal"/> chat only its manager sees the card, so it carries the
    /// buttons from the start (clients without user-specific views, such as the Agents Playground, show them too).
    /// </summary>
    public static Activity ApprovalRequest(RecoveryCase c, IReadOnlyList<string>? managerIds = null, bool universalActions = false, bool personal = false)
    {
        var typed = Actions(Submit("Approve", "approve", c, "positive"), Submit("Decline", "decline", c, "destructive")).Typed;
        var text = $"Approval needed for {c.Id}: {c.Atonement?.Offer}. Say \"approve {c.Id}\", \"approve {c.Id} 40\" or \"decline {c.Id}\".";
        if (!universalActions) return Message(text, ApprovalButtons(c, execute: false), typed);
        var card = personal ? ApprovalView(c, isManager: true) : ApprovalStatus(c);
        card["refresh"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["title"] = "Refresh", ["verb"] = RefreshCommand, ["data"] = Data(RefreshCommand, c) },
            ["userIds"] = new JsonArray([.. (managerIds ?? []).Distinct(StringComparer.Ordinal).Take(60).Select(id => (JsonNode)id)]),
        };
        return Message(text, card, typed);
    }

    /// <summary>
    /// The approval card as one user should see it now (the answer to a Teams refresh or click): the buttons for a
    /// manager while the request is pending, else its status ("Approved by Maria: $50").
    /// </summary>
    public static JsonObject ApprovalView(RecoveryCase c, bool isManager) =>
        isManager && c.Atonement is { Approval: ApprovalState.Pending } ? ApprovalButtons(c, execute: true) : ApprovalStatus(c);

    public static Activity ApprovalDecided(RecoveryCase c) => Message($"{c.Id}: {Status(c)}.", ApprovalStatus(c));

    /// <summary>"Approved by Maria: $50", "Declined by Maria", or "Waiting for a manager's approval".</summary>
    public static string Status(RecoveryCase c) => c.Atonement?.Decision is { } d ? Replies.English.Describe(d) : "Waiting for a manager's approval";

    private static JsonObject ApprovalButtons(RecoveryCase c, bool execute)
    {
        JsonObject Button(string title, string command, string? style) => execute ? Execute(title, command, c, style) : Submit(title, command, c, style);
        var actions = new JsonObject
        {
            ["type"] = "ActionSet",
            ["actions"] = new JsonArray(Button("Approve", "approve", "positive"), Button("Decline", "decline", "destructive"), Button("Approve this amount", "approve-amount", null)),
        };
        return Card(Heading("Approval needed", c), Facts(c),
            new JsonObject
            {
                ["type"] = "Input.Number",
                ["id"] = AmountKey,
                ["label"] = "A different amount (optional)",
                ["placeholder"] = c.Atonement?.Amount is { } asked ? asked.ToString("0.##", CultureInfo.InvariantCulture) : "leave empty for the offer as it is",
            },
            actions);
    }

    private static JsonObject ApprovalStatus(RecoveryCase c)
    {
        var decided = c.Atonement?.Decision;
        return Card(Heading(decided is null ? "Approval needed" : Status(c), c), Facts(c),
            AdaptiveCard.TextBlock(decided is { } d
                ? $"Decided {Replies.English.When(d.At)}."
                : $"Managers decide here. Or say \"approve {c.Id}\", \"approve {c.Id} 40\" or \"decline {c.Id}\".", subtle: true));
    }

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

    /// <summary>Asks who should take the case: a box for a name or user id, and the button that reassigns.</summary>
    public static Activity ReassignForm(RecoveryCase c) => Message($"Who should take {c.Id}?", Card(
        Heading("Reassign", c),
        new JsonObject { ["type"] = "Input.Text", ["id"] = ToKey, ["label"] = "To whom? A name or a user id", ["placeholder"] = "maria" },
        new JsonObject { ["type"] = "ActionSet", ["actions"] = new JsonArray(Submit("Reassign", "reassign", c, "positive")) }));

    /// <summary>The card after a reassignment: who has the case now, and who gave it to them.</summary>
    public static Activity Reassigned(RecoveryCase c, string by) =>
        Message($"{c.Id} is now with {c.StaffName ?? c.StaffId}.", Card(Heading($"Reassigned to {c.StaffName ?? c.StaffId}", c), Facts(c),
            AdaptiveCard.TextBlock($"By {by}.", subtle: true)));

    /// <summary>Reads a card submit: the command and case id (and an amount or a person typed in the card), or null when the activity is not one.</summary>
    public static (string Command, string CaseId, decimal? Amount, string? To)? ReadSubmit(Activity activity)
    {
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value) return null;
        if (!value.TryGetProperty(CommandKey, out var command) || !value.TryGetProperty(CaseKey, out var caseId)) return null;
        decimal? amount = null;
        if (value.TryGetProperty(AmountKey, out var a))
        {
            if (a.ValueKind == JsonValueKind.Number && a.TryGetDecimal(out var number)) amount = number;
            else if (a.ValueKind == JsonValueKind.String && decimal.TryParse(a.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var text)) amount = text;
        }
        var to = value.TryGetProperty(ToKey, out var t) && t.ValueKind == JsonValueKind.String && t.GetString() is { Length: > 0 } who ? who : null;
        return (command.GetString() ?? "", caseId.GetString() ?? "", amount, to);
    }

    private static JsonObject Heading(string heading, RecoveryCase c) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = $"{heading} — {c.Id}",
        ["weight"] = "Bolder",
        ["size"] = "Medium",
        ["wrap"] = true,
    };

    private static JsonObject Facts(RecoveryCase c) => CardFacts.Build(
    [
        ("Case", $"{c.Id} · {Replies.English.Describe(c.Status)}"),
        ("Severity", c.Severity is { } s ? $"S{s} {Replies.English.SeverityName(s)}" : null),
        ("Customer", c.Customer is { } customer ? Replies.English.Describe(customer) : null),
        ("What happened", Short(c.WhatHappened)),
        ("Customer said", c.CustomerWords is { } words ? Short(words) : null),
        ("Done", c.FixDone),
        ("Offered", c.Atonement is { } a ? Replies.English.Describe(a) : null),
        ("Promised", c.Promise is { } p ? Replies.English.Describe(p) : null),
        ("Follow up", c.FollowUpAt is { } f ? Replies.English.When(f) : null),
        ("Tone", c.Tones.LastOrDefault() is { } t ? Describe(t) : null),
        ("Staff", c.StaffName ?? c.StaffId),
    ]);

    /// <summary>"Negative (-0.34) · in Spanish · Urgent", or "not scored (French)" for words the analyzer could not read.</summary>
    private static string Describe(ToneReading tone)
    {
        var language = tone.Language is { } code && code != "en" ? LanguageDetector.NameOf(code) : null;
        var reading = !tone.Scored
            ? $"not scored ({language ?? "another language"})"
            : $"{tone.Label} ({tone.Compound.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture)})" + (language is null ? "" : " · in " + language);
        return reading + (tone.Flags.Count > 0 ? " · " + string.Join(", ", tone.Flags) : "");
    }

    private static JsonObject Data(string command, RecoveryCase c) => new() { [CommandKey] = command, [CaseKey] = c.Id.Value };

    private static JsonObject Submit(string title, string command, RecoveryCase c, string? style = null)
    {
        var action = new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = Data(command, c) };
        if (style is not null) action["style"] = style;
        return action;
    }

    /// <summary>A Teams Universal Action (an <c>adaptiveCard/action</c> invoke), falling back to the same Action.Submit where it is not supported.</summary>
    private static JsonObject Execute(string title, string command, RecoveryCase c, string? style)
    {
        var action = new JsonObject { ["type"] = "Action.Execute", ["title"] = title, ["verb"] = command, ["data"] = Data(command, c), ["fallback"] = Submit(title, command, c, style) };
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
