using System.Globalization;
using System.Text.Json.Nodes;
using ServiceRecoveryBot.Conversations;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Recovery.Playbooks;
using ServiceRecoveryBot.Text;

namespace ServiceRecoveryBot.Channels.Cards;

/// <summary>The case at a glance as an Adaptive Card: a heading, what happened, and the recovery's facts laid out for a phone (<see cref="CardFacts"/>).</summary>
public static class CaseSummaryCard
{
    public static Attachment Build(RecoveryCase c, RecoveryPlaybook playbook)
    {
        var outcome = c.FollowUps.LastOrDefault();
        JsonArray body =
        [
            AdaptiveCard.TextBlock($"Case {c.Id.Value}", weight: "Bolder", size: "Medium"),
            AdaptiveCard.TextBlock(c.WhatHappened),
            CardFacts.Build(
            [
                ("Case", c.Id.Value),
                ("Status", Replies.English.Describe(c.Status)),
                ("Category", c.Category is { } category ? playbook.For(category).Title : "not set"),
                ("Severity", c.Severity is { } s ? $"S{s.ToString(CultureInfo.InvariantCulture)} {Replies.English.SeverityName(s)}" : "not set"),
                ("Customer", c.Customer is { } customer ? Replies.English.Describe(customer) : null),
                ("Fix", c.FixDone),
                ("Atonement", c.Atonement is { } atonement ? Replies.English.Describe(atonement) : null),
                ("Promise", c.Promise is { } promise ? Replies.English.Describe(promise) : null),
                ("Follow up", c.FollowUpAt is { } follow && c.IsOpen ? Replies.English.When(follow) : null),
                ("Satisfaction", outcome?.Satisfaction is { } n ? $"{n.ToString(CultureInfo.InvariantCulture)}/5{(outcome.Recovered ? ", recovered" : "")}" : null),
                ("Root cause", outcome?.RootCause),
                ("Lesson", outcome?.Lesson),
                ("Time to apologise", c.TimeToAcknowledge is { } ack ? Duration(ack) : null),
                ("Time to fix", c.TimeToFix is { } fixTime ? Duration(fixTime) : null),
            ]),
        ];
        if (c.NeedsManagerAttention) body.Add(AdaptiveCard.TextBlock("Needs manager attention.", weight: "Bolder"));
        return AdaptiveCard.Attachment(body);
    }

    private static string Duration(TimeSpan span) => span.TotalMinutes < 1
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0}s")
        : span.TotalHours < 1
            ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0} min")
            : string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0.#} h");
}
