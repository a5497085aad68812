using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Conversations.Home;

/// <summary>
/// What the home (Slack Home tab, Teams personal card) and the "Log as service recovery" entry points say, in one place
/// beside <see cref="Replies"/>, so the text catalog can take it over whole.
/// </summary>
public static class HomeText
{
    public const string Title = "Service recovery";
    public const string MineHeading = "Your open cases";
    public const string NoneOpen = "You have no open cases. Tell me what went wrong, or use \"Log as service recovery\" on a message, to open one.";
    public const string NextHeading = "Next promised";
    public const string NothingDue = "Nothing promised is due.";
    public const string ApprovalsHeading = "Waiting for your approval (team)";
    public const string NoApprovals = "No approvals waiting.";
    public const string OverdueHeading = "Overdue follow-ups (team)";
    public const string NoOverdue = "No follow-ups overdue.";
    public const string ResumeButton = "Resume";
    public const string ShowButton = "Show";
    public const string FollowUpButton = "Record follow-up";
    public const string ApproveButton = "Approve";
    public const string DeclineButton = "Decline";
    public const string ReassignButton = "Reassign";
    public const string RefreshButton = "Refresh";

    public const string ActionTitle = "Log as service recovery";
    public const string IncidentLabel = "What happened";
    public const string ReporterLabel = "Reported by";
    public const string CategoryLabel = "Kind of failure";
    public const string SeverityLabel = "Severity (1 minor – 4 critical)";
    public const string OpenCaseButton = "Open the case";
    public const string EmptyIncident = "Say in a few words what happened: the case needs it.";

    /// <summary>The one line a case shows in a home list.</summary>
    public static string Line(CaseSummary c) =>
        $"{c.Id} · {Replies.Describe(c.Status)}{(c.Severity is { } s ? $" · S{s}" : "")} · {Short(c.WhatHappened)}";

    public static string Due(HomeDue due, DateTimeOffset now) =>
        $"{(due.IsPromise ? "Promise" : "Follow-up")} on {due.Case.Id} {(due.DueAt < now ? "was due" : "due")} {Replies.When(due.DueAt)}{(due.DueAt < now ? " (overdue)" : "")} · {Short(due.Case.WhatHappened)}";

    public static string Overdue(CaseSummary c) =>
        $"{c.Id} · due {(c.FollowUpAt is { } f ? Replies.When(f) : "")} · {Short(c.WhatHappened)}";

    /// <summary>The home as text, for channels without cards (and as the cards' fallback).</summary>
    public static string AsText(HomeView view)
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

    /// <summary>"Shared from Dana's message": the case's opening note when it was logged from someone's message.</summary>
    public static string FromMessage(string? reporter) => reporter is { Length: > 0 } who ? $"Logged from a message by {who}" : "Logged from a message";

    /// <summary>The short card in the thread the message was in.</summary>
    public static string OpenedInThread(CaseId id, string by) => $"Case {id} opened by {by}. I'm coaching them through the recovery in our chat.";

    public const string NotInThisChannel =
        "I'm not in this conversation, so I can't log its messages. Add me to the channel (mention @ServiceRecoveryBot, or add the app to the team), then try again; or tell me what happened in our chat.";

    public const string NoPersonalChat =
        "I can't reach you in a chat with me yet. Open ServiceRecoveryBot and say hello, then try again.";

    public const string NotAMessage = "I can only log a message that has some text.";

    /// <summary>The dialog's last word after a submit: where the case went.</summary>
    public static string OpenedFor(CaseId id) => $"Case {id} is open. I'm coaching you through it in our chat.";

    public const string Someone = "someone";

    public const string OnlyInPersonalChat = "Your home lists your cases, so I show it only in our personal chat: say \"home\" there.";

    private static string Short(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
