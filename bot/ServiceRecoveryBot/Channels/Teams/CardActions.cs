using System.Text.Json;
using System.Text.Json.Nodes;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Channels.Teams;

/// <summary>
/// Card clicks in Teams. An <c>Action.Execute</c> arrives as an <c>adaptiveCard/action</c> invoke: its data becomes the
/// same message a card submit would be, and the invoke is answered with a card that replaces the clicked one (no more
/// buttons). An <c>Action.Submit</c> arrives as a message whose <c>replyToId</c> is the card; once it is processed the card
/// is updated the same way, so a choice cannot be made twice.
/// </summary>
public static class CardActions
{
    public const string InvokeName = "adaptiveCard/action";

    /// <summary>The message an <c>Action.Execute</c> invoke stands for, or an error response for a malformed one.</summary>
    public static (Activity? Message, InvokeResponse? Error) FromInvoke(Activity invoke)
    {
        if (invoke.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object
            || !action.TryGetProperty("type", out var type) || type.GetString() != "Action.Execute")
            return (null, Error(400, "BadRequest", "Expected an Action.Execute action."));
        var data = action.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : JsonSerializer.SerializeToElement(new { });
        // The name stays, so that a command can answer with the card that replaces the clicked one (IsExecute).
        return (invoke with { Type = ActivityTypes.Message, Value = data, Text = null }, null);
    }

    /// <summary>True for the message an <c>Action.Execute</c> click stands for (see <see cref="FromInvoke"/>): its answer is a card, not a message.</summary>
    public static bool IsExecute(Activity activity) => activity.IsMessage && activity.Name == InvokeName;

    /// <summary>The Adaptive Card an activity carries (its first attachment).</summary>
    public static JsonObject CardOf(Activity activity) => JsonNode.Parse(activity.Attachments![0].Content!.Value.GetRawText())!.AsObject();

    /// <summary>The invoke answer that replaces the clicked card with <paramref name="card"/> (Universal Actions).</summary>
    public static InvokeResponse CardResponse(JsonObject card) => new(200, JsonSerializer.SerializeToElement(new JsonObject
    {
        ["statusCode"] = 200,
        ["type"] = Attachment.AdaptiveCardContentType,
        ["value"] = card,
    }));

    /// <summary>The invoke answer for a processed click: a card replacing the clicked one, showing what was chosen.</summary>
    public static InvokeResponse Replaced(Activity clicked) => new(200, JsonSerializer.SerializeToElement(new JsonObject
    {
        ["statusCode"] = 200,
        ["type"] = Attachment.AdaptiveCardContentType,
        ["value"] = Cards.AdaptiveCard.Card(DoneBody(Chosen(clicked))),
    }));

    /// <summary>True for a Teams message that is an Action.Submit answer from one of our cards (its replyToId is the card).</summary>
    public static bool AnswersCard(Activity message) =>
        message.ChannelId == TeamsActivity.ChannelId && message.IsMessage && message.ReplyToId is { Length: > 0 }
        && Dialogs.PromptInput.IsCardAnswer(message);

    /// <summary>The update for a card whose Action.Submit was processed, showing what was chosen.</summary>
    public static Activity ReplacedCard(Activity submit) =>
        Replacing(submit, new Activity { Type = ActivityTypes.Message, Attachments = [Cards.AdaptiveCard.Attachment(DoneBody(Chosen(submit)))] });

    /// <summary>
    /// <paramref name="card"/> addressed as an update of the card that <paramref name="submit"/> was sent from: the card
    /// alone, since Teams refuses an update that carries text and a card (400 "multiple skype activities").
    /// </summary>
    public static Activity Replacing(Activity submit, Activity card) =>
        card with { Id = submit.ReplyToId, Conversation = submit.Conversation, From = submit.Recipient, Recipient = submit.From, Text = null, Summary = null, SuggestedActions = null };

    /// <summary>The invoke answer for a click on a card whose question is over: the card says so, and has no buttons.</summary>
    public static InvokeResponse Closed(string text) => CardResponse(Cards.AdaptiveCard.Card([Cards.AdaptiveCard.TextBlock(text, subtle: true)]));

    /// <summary>What the user chose, for the replacement card.</summary>
    private static string Chosen(Activity activity)
    {
        if (activity.Value is { ValueKind: JsonValueKind.Object } value)
        {
            foreach (var key in ChosenKeys)
                if (value.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String) return v.GetString()!;
        }
        return "done";
    }

    private static readonly string[] ChosenKeys = [Cards.AdaptiveCardPromptRenderer.LabelKey, Dialogs.PromptInput.AnswerKey, Cards.ManagerCards.CommandKey];

    private static JsonArray DoneBody(string chosen) => [Cards.AdaptiveCard.TextBlock("✓ " + chosen, subtle: true)];

    private static InvokeResponse Error(int status, string code, string message) => new(200, JsonSerializer.SerializeToElement(new JsonObject
    {
        ["statusCode"] = status,
        ["type"] = "application/vnd.microsoft.error",
        ["value"] = new JsonObject { ["code"] = code, ["message"] = message },
    }));
}
