using System.Globalization;
using System.Text.Json.Nodes;
using ServiceRecoveryBot.Conversations;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Recovery.Playbooks;

namespace ServiceRecoveryBot.Channels.Cards;

/// <summary>The case at a glance as an Adaptive Card: a heading, what happened, and a FactSet of the recovery.</summary>
public static class CaseSummaryCard
{
    public static Attachment Build(RecoveryCase c, RecoveryPlaybook playbook)
    {
        var facts = new JsonArray();
        Add(facts, "Case", c.Id.Value);
        Add(facts, "Status", Replies.Describe(c.Status));
        Add(facts, "Category", c.Category is { } category ? playbook.For(category).Title : "not set");
        Add(facts, "Severity", c.Severity is { } s ? $"S{s.ToString(CultureInfo.InvariantCulture)} {Replies.SeverityName(s)}" : "not set");
        if (c.Customer is { } customer) Add(facts, "Customer", Replies.Describe(customer));
        if (c.FixDone is { } fix) Add(facts, "Fix", fix);
        if (c.Atonement is { } atonement)
            Add(facts, "Atonement", atonement.Offer + (atonement.Approval == ApprovalState.Pending ? " (pending approval)" : ""));
        if (c.Promise is { } promise) Add(facts, "Promise", Replies.Describe(promise));
        if (c.FollowUpAt is { } follow) Add(facts, "Follow up", Replies.When(follow));
        if (c.TimeToAcknowledge is { } ack) Add(facts, "Time to apologise", Duration(ack));
        if (c.TimeToFix is { } fixTime) Add(facts, "Time to fix", Duration(fixTime));

        JsonArray body =
        [
            AdaptiveCard.TextBlock($"Case {c.Id.Value}", weight: "Bolder", size: "Medium"),
            AdaptiveCard.TextBlock(c.WhatHappened),
            new JsonObject { ["type"] = "FactSet", ["facts"] = facts },
        ];
        if (c.NeedsManagerAttention) body.Add(AdaptiveCard.TextBlock("Needs manager attention.", weight: "Bolder"));
        return AdaptiveCard.Attachment(body);
    }

    private static void Add(JsonArray facts, string title, string value) => facts.Add(new JsonObject { ["title"] = title, ["value"] = value });

    private static string Duration(TimeSpan span) => span.TotalMinutes < 1
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0}s")
        : span.TotalHours < 1
            ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0} min")
            : string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0.#} h");
}
