using System.Globalization;
using System.Text.Json.Nodes;
using ServiceRecoveryBot.Conversations;
using ServiceRecoveryBot.Conversations.Recovery;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Recovery.Playbooks;
using ServiceRecoveryBot.Text;

namespace ServiceRecoveryBot.Channels.Cards;

/// <summary>
/// The quick capture as one Adaptive Card (Teams, Web Chat): every answer an input pre-filled, "Log it" submits them all
/// with the card's step id; channels without cards get the text form (Slack shows its buttons as Block Kit).
/// </summary>
public sealed class QuickCaptureCard(RecoveryPlaybook playbook, TextQuickCaptureRenderer text) : IQuickCaptureRenderer
{
    public Activity Render(TurnContext turn, QuickCapture q)
    {
        if (!ChannelCapabilities.SupportsCards(turn.Activity.ChannelId)) return text.Render(turn, q);
        return turn.Activity.CreateReply() with
        {
            Attachments = [Build(q, turn.Replies(), execute: turn.Activity.ChannelId == Teams.TeamsActivity.ChannelId)],
            Summary = $"Log {q.CaseId}",
            InputHint = "expectingInput",
        };
    }

    /// <summary>With <paramref name="execute"/> (Teams) the buttons are Universal Actions, so the pressed card shows what was done.</summary>
    public Attachment Build(QuickCapture q, Replies say, bool execute = false)
    {
        JsonArray body =
        [
            AdaptiveCard.TextBlock($"Log {q.CaseId.Value}", weight: "Bolder", size: "Medium"),
            AdaptiveCard.TextBlock(say.QuickCaptureCardIntro, subtle: true),
            Choices("category", "Kind of failure" + (q.CategorySuggested ? "" : " (a guess)"), q.Category.ToString(),
                playbook.Categories.Select(c => (c.Title, c.Category.ToString()))),
            TextInput("customer", "Customer (name, room, table)", q.Customer, "not given"),
            Choices("tier", "Customer kind", q.Tier.ToString(),
                Enum.GetValues<CustomerTier>().Select(t => (say.Describe(t), t.ToString()))),
            Choices("severity", $"Severity ({q.SeverityWhy})", q.Severity.ToString(CultureInfo.InvariantCulture),
                Enumerable.Range(1, 4).Select(s => ($"S{s} {say.SeverityName(s)}", s.ToString(CultureInfo.InvariantCulture)))),
            TextInput("fix", "Fix", q.Fix, null),
            TextInput("atonement", $"Gesture ({(q.AtonementNeedsApproval ? say.NeedsApprovalNote : say.WithinAuthorityNote)})", q.Atonement, "none"),
            TextInput("promise", "Promise made, and by when", q.Promise, "call back by 6pm"),
            Choices("followUp", "Follow up", RecoveryDialog.DefaultChoice,
                [(say.When(q.FollowUpAt) + " (default)", RecoveryDialog.DefaultChoice), ("in 2 hours", "in 2 hours"), ("in 3 days", "in 3 days")]),
        ];
        JsonArray actions =
        [
            Button(say.LogItButton, "positive", new JsonObject { [QuickCaptureReader.StepKey] = q.StepId, [QuickCaptureReader.ActionKey] = QuickCaptureReader.LogAction }, execute),
            Button(say.WalkMeButton, null, new JsonObject { [QuickCaptureReader.StepKey] = q.StepId, [Dialogs.PromptInput.AnswerKey] = "walk me through it" }, execute),
        ];
        return AdaptiveCard.Attachment(body, actions);
    }

    /// <summary>An Action.Submit, or in Teams an Action.Execute with that submit as its fallback; the data carries the title to show once pressed.</summary>
    private static JsonObject Button(string title, string? style, JsonObject data, bool execute)
    {
        data[AdaptiveCardPromptRenderer.LabelKey] = title;
        var submit = new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = data };
        if (style is not null) submit["style"] = style;
        if (!execute) return submit;
        var action = new JsonObject { ["type"] = "Action.Execute", ["title"] = title, ["verb"] = "capture", ["data"] = data.DeepClone(), ["fallback"] = submit };
        if (style is not null) action["style"] = style;
        return action;
    }

    private static JsonObject Choices(string id, string label, string value, IEnumerable<(string Title, string Value)> choices) => new()
    {
        ["type"] = "Input.ChoiceSet",
        ["id"] = id,
        ["label"] = label,
        ["style"] = "compact",
        ["value"] = value,
        ["choices"] = new JsonArray([.. choices.Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = c.Value })]),
    };

    private static JsonObject TextInput(string id, string label, string? value, string? placeholder)
    {
        var input = new JsonObject { ["type"] = "Input.Text", ["id"] = id, ["label"] = label };
        if (value is not null) input["value"] = value;
        if (placeholder is not null) input["placeholder"] = placeholder;
        return input;
    }
}
