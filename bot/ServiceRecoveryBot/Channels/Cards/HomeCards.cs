using System.Text.Json.Nodes;
using ServiceRecoveryBot.Channels.Teams;
using ServiceRecoveryBot.Conversations.Home;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Channels.Cards;

/// <summary>
/// The personal home as an Adaptive Card where cards render: Teams' card carries a <c>refresh</c> for its owner
/// (Universal Actions), so it is rebuilt whenever they look at it; its buttons send their command as if typed
/// (<c>imBack</c>). Web Chat's buttons send the command as text. Elsewhere: the text and the buttons for their own cases.
/// </summary>
public sealed class HomeCards : IHomeCards
{
    public Activity Home(HomeView view, Activity asked)
    {
        var text = HomeText.For(asked.Locale);
        var reply = asked.CreateReply(text.AsText(view)) with { Summary = text.Title };
        if (!ChannelCapabilities.SupportsCards(asked.ChannelId))
            return reply with
            {
                SuggestedActions = new SuggestedActions
                {
                    Actions = [.. view.Mine.SelectMany(text.ActionsForMine).Take(6).Select(a => new CardAction { Type = "imBack", Title = $"{a.Title} {a.Command.Split(' ')[^1]}", Value = a.Command })],
                },
            };
        return reply with { Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = System.Text.Json.JsonSerializer.SerializeToElement(Card(view, asked.ChannelId, text)) }] };
    }

    public bool AnswersWithCard(Activity activity) => CardActions.IsExecute(activity);

    public InvokeResponse HomeAnswer(HomeView view, Activity asked) => CardActions.CardResponse(Card(view, asked.ChannelId, HomeText.For(asked.Locale)));

    /// <summary>The home card: headings, one line per case with its buttons, and in Teams the refresh for its owner.</summary>
    public static JsonObject Card(HomeView view, string? channelId, HomeText text)
    {
        var teams = channelId == TeamsActivity.ChannelId;
        var body = new JsonArray { AdaptiveCard.TextBlock(text.Title, weight: "Bolder", size: "Large") };
        Section(body, text.MineHeading, view.Mine, text.NoneOpen, text.Line, text.ActionsForMine, teams);
        body.Add(AdaptiveCard.TextBlock(text.NextHeading, weight: "Bolder"));
        body.Add(AdaptiveCard.TextBlock(view.Next is { } next ? text.Due(next, view.At) : text.NothingDue, subtle: view.Next is null));
        if (view.IsManager)
        {
            Section(body, text.ApprovalsHeading, view.PendingApprovals, text.NoApprovals, text.Line, text.ActionsForApproval, teams);
            Section(body, text.OverdueHeading, view.OverdueFollowUps, text.NoOverdue, text.Overdue, text.ActionsForOverdue, teams);
        }
        var card = AdaptiveCard.Card(body, [Button(new HomeAction(text.RefreshButton, "home"), teams)]);
        card["fallbackText"] = text.AsText(view);
        if (teams)
            card["refresh"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["title"] = text.RefreshButton, ["verb"] = HomeCommands.RefreshKey, ["data"] = new JsonObject { [HomeCommands.RefreshKey] = "refresh" } },
                ["userIds"] = new JsonArray(view.UserId),
            };
        return card;
    }

    private static void Section(JsonArray body, string heading, IReadOnlyList<CaseSummary> cases, string none, Func<CaseSummary, string> line,
        Func<CaseSummary, IReadOnlyList<HomeAction>> actions, bool teams)
    {
        body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = heading, ["weight"] = "Bolder", ["wrap"] = true, ["separator"] = true, ["spacing"] = "Medium" });
        if (cases.Count == 0) body.Add(AdaptiveCard.TextBlock(none, subtle: true));
        foreach (var c in cases)
        {
            body.Add(AdaptiveCard.TextBlock(line(c)));
            body.Add(new JsonObject { ["type"] = "ActionSet", ["actions"] = new JsonArray([.. actions(c).Select(a => (JsonNode)Button(a, teams))]) });
        }
    }

    /// <summary>A button that sends its command as if typed: Teams' imBack, or Web Chat's string data.</summary>
    private static JsonObject Button(HomeAction action, bool teams) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = action.Title,
        ["data"] = teams
            ? new JsonObject { ["msteams"] = new JsonObject { ["type"] = "imBack", ["value"] = action.Command } }
            : JsonValue.Create(action.Command),
    };
}
