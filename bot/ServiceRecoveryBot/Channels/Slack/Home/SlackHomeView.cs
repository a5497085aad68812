using System.Text.Json.Nodes;
using ServiceRecoveryBot.Conversations.Home;
using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Channels.Slack.Home;

/// <summary>
/// A <see cref="HomeView"/> as Slack's Home tab: a header, the staff member's open cases with their buttons, the next
/// promise or follow-up due and, for a manager, the team's approvals and overdue follow-ups. Each button's value is the
/// command it sends, run in the person's DM with the bot.
/// </summary>
public static class SlackHomeView
{
    /// <summary>Prefix of the home's buttons' action ids (Slack wants them unique in a view).</summary>
    public const string ActionPrefix = "home-";

    public static JsonObject Build(HomeView view)
    {
        var text = HomeText.English; // Slack's events carry no locale
        var blocks = new JsonArray { new JsonObject { ["type"] = "header", ["text"] = Plain(text.Title) } };
        var n = 0;
        Section(blocks, text.MineHeading, view.Mine, text.NoneOpen, text.Line, text.ActionsForMine, ref n);
        blocks.Add(Text($"*{text.NextHeading}*\n" + SlackMrkdwn.FromMarkdown(view.Next is { } next ? text.Due(next, view.At) : text.NothingDue)));
        if (view.IsManager)
        {
            Section(blocks, text.ApprovalsHeading, view.PendingApprovals, text.NoApprovals, text.Line, text.ActionsForApproval, ref n);
            Section(blocks, text.OverdueHeading, view.OverdueFollowUps, text.NoOverdue, text.Overdue, text.ActionsForOverdue, ref n);
        }
        blocks.Add(new JsonObject
        {
            ["type"] = "actions",
            ["elements"] = new JsonArray(Button(text.RefreshButton, "home", ref n)),
        });
        return new JsonObject { ["type"] = "home", ["blocks"] = blocks };
    }

    private static void Section(JsonArray blocks, string heading, IReadOnlyList<CaseSummary> cases, string none, Func<CaseSummary, string> line,
        Func<CaseSummary, IReadOnlyList<HomeAction>> actions, ref int n)
    {
        blocks.Add(new JsonObject { ["type"] = "divider" });
        blocks.Add(Text($"*{heading}*" + (cases.Count == 0 ? "\n" + none : "")));
        foreach (var c in cases)
        {
            blocks.Add(Text(SlackMrkdwn.FromMarkdown(line(c))));
            var buttons = new JsonArray();
            foreach (var action in actions(c)) buttons.Add(Button(action.Title, action.Command, ref n));
            blocks.Add(new JsonObject { ["type"] = "actions", ["elements"] = buttons });
        }
    }

    private static JsonObject Button(string title, string command, ref int n) => new()
    {
        ["type"] = "button",
        ["text"] = Plain(title),
        ["value"] = command,
        ["action_id"] = ActionPrefix + n++,
    };

    private static JsonObject Text(string mrkdwn) => new() { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = SlackMrkdwn.Truncate(mrkdwn, SlackWebClient.MaxSectionTextLength) } };

    private static JsonObject Plain(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true };
}
