using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Text;

namespace ServiceRecoveryBot.Conversations.Home;

/// <summary>
/// What the home (Slack Home tab, Teams personal card) and the "Log as service recovery" entry points say, typed over
/// the text catalog (the Home* and Entry* entries) in one locale.
/// </summary>
public sealed class HomeText(Replies replies)
{
    public static HomeText English { get; } = new(Replies.English);

    private static readonly HomeText SpanishText = new(Replies.Spanish);

    /// <summary>The text for a locale as the channel sent it (Slack sends none: English).</summary>
    public static HomeText For(string? locale) => TextCatalog.LanguageOf(locale) == TextCatalog.Spanish ? SpanishText : English;

    public string Title => replies["HomeTitle"];
    public string MineHeading => replies["HomeMineHeading"];
    public string NoneOpen => replies["HomeNoneOpen"];
    public string NextHeading => replies["HomeNextHeading"];
    public string NothingDue => replies["HomeNothingDue"];
    public string ApprovalsHeading => replies["HomeApprovalsHeading"];
    public string NoApprovals => replies["HomeNoApprovals"];
    public string OverdueHeading => replies["HomeOverdueHeading"];
    public string NoOverdue => replies["HomeNoOverdue"];
    public string ResumeButton => replies["HomeResumeButton"];
    public string ShowButton => replies["HomeShowButton"];
    public string FollowUpButton => replies["HomeFollowUpButton"];
    public string ApproveButton => replies["HomeApproveButton"];
    public string DeclineButton => replies["HomeDeclineButton"];
    public string ReassignButton => replies["HomeReassignButton"];
    public string RefreshButton => replies["HomeRefreshButton"];
    public string OnlyInPersonalChat => replies["HomeOnlyInPersonalChat"];

    public string ActionTitle => replies["EntryActionTitle"];
    public string IncidentLabel => replies["EntryIncidentLabel"];
    public string ReporterLabel => replies["EntryReporterLabel"];
    public string CategoryLabel => replies["EntryCategoryLabel"];
    public string SeverityLabel => replies["EntrySeverityLabel"];
    public string Suggested => replies["EntrySuggested"];
    public string OpenCaseButton => replies["EntryOpenCaseButton"];
    public string Cancel => replies["EntryCancel"];
    public string Ok => replies["EntryOk"];
    public string EmptyIncident => replies["EntryEmptyIncident"];
    public string Someone => replies["EntrySomeone"];
    public string NotInThisChannel => replies["EntryNotInThisChannel"];
    public string NoPersonalChat => replies["EntryNoPersonalChat"];
    public string NotAMessage => replies["EntryNotAMessage"];

    /// <summary>The one line a case shows in a home list.</summary>
    public string Line(CaseSummary c) =>
        $"{c.Id} · {replies.Describe(c.Status)}{(c.Severity is { } s ? $" · S{s}" : "")} · {Short(c.WhatHappened)}";

    public string Due(HomeDue due, DateTimeOffset now) => replies[
        (due.IsPromise, due.DueAt < now) switch
        {
            (true, false) => "HomePromiseDue",
            (true, true) => "HomePromiseWasDue",
            (false, false) => "HomeFollowUpDue",
            _ => "HomeFollowUpWasDue",
        },
        due.Case.Id, replies.When(due.DueAt), Short(due.Case.WhatHappened)];

    public string Overdue(CaseSummary c) => replies["HomeOverdueLine", c.Id, c.FollowUpAt is { } f ? replies.When(f) : "", Short(c.WhatHappened)];

    /// <summary>The home as text, for channels without cards (and as the cards' fallback).</summary>
    public string AsText(HomeView view)
    {
        var lines = new List<string> { $"**{MineHeading}**" };
        lines.AddRange(view.Mine.Count == 0 ? [NoneOpen] : view.Mine.Select(c => "- " + Line(c)));
        lines.Add($"**{NextHeading}**: " + (view.Next is { } next ? Due(next, view.At) : NothingDue));
        if (view.IsManager)
        {
            lines.Add($"**{ApprovalsHeading}**");
            lines.AddRange(view.PendingApprovals.Count == 0 ? [NoApprovals] : view.PendingApprovals.Select(c => "- " + Line(c)));
            lines.Add($"**{OverdueHeading}**");
            lines.AddRange(view.OverdueFollowUps.Count == 0 ? [NoOverdue] : view.OverdueFollowUps.Select(c => "- " + Overdue(c)));
        }
        return string.Join("\n", lines);
    }

    /// <summary>The case's opening note when it was logged from someone's message.</summary>
    public string FromMessage(string? reporter) => reporter is { Length: > 0 } who ? replies["EntryFromMessageBy", who] : replies["EntryFromMessage"];

    /// <summary>The short card in the thread the message was in.</summary>
    public string OpenedInThread(CaseId id, string by) => replies["EntryOpenedInThread", id, by];

    /// <summary>The dialog's last word after a submit: where the case went.</summary>
    public string OpenedFor(CaseId id) => replies["EntryOpenedFor", id];

    /// <summary>The buttons for one of the staff member's own cases: where it stands decides what comes next.</summary>
    public IReadOnlyList<HomeAction> ActionsForMine(CaseSummary c) => c.Status switch
    {
        CaseStatus.AwaitingFollowUp => [new(FollowUpButton, $"follow up {c.Id}"), new(ShowButton, $"show {c.Id}")],
        _ => [new(ResumeButton, $"resume {c.Id}"), new(ShowButton, $"show {c.Id}")],
    };

    public IReadOnlyList<HomeAction> ActionsForApproval(CaseSummary c) =>
        [new(ApproveButton, $"approve {c.Id}"), new(DeclineButton, $"decline {c.Id}"), new(ShowButton, $"show {c.Id}")];

    public IReadOnlyList<HomeAction> ActionsForOverdue(CaseSummary c) =>
        [new(FollowUpButton, $"follow up {c.Id}"), new(ReassignButton, $"reassign {c.Id}")];

    private static string Short(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
