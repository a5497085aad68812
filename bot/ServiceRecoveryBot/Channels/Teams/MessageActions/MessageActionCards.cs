using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServiceRecoveryBot.Channels.Cards;
using ServiceRecoveryBot.Conversations.Entry;
using ServiceRecoveryBot.Conversations.Home;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Channels.Teams.MessageActions;

/// <summary>
/// The answers to the message action: the task module (an Adaptive Card form pre-filled from the message), a message
/// shown in the dialog instead, and the short card posted in the thread once the case is open.
/// </summary>
public static class MessageActionCards
{
    public const string IncidentId = "incident";
    public const string ReporterId = "reporter";
    public const string CategoryId = "category";
    public const string SeverityId = "severity";

    /// <summary>The fetchTask answer: the form as a dialog ("task module") of type continue.</summary>
    public static InvokeResponse Form(MessageForm form, HomeText text) => Task(new JsonObject
    {
        ["type"] = "continue",
        ["value"] = new JsonObject
        {
            ["title"] = text.ActionTitle,
            ["height"] = "medium",
            ["width"] = "medium",
            ["card"] = JsonNode.Parse(JsonSerializer.Serialize(AdaptiveCard.Attachment(FormBody(form, text), FormActions(text)), ActivityJson.Options)),
        },
    });

    /// <summary>A message in the dialog (why the case cannot be logged, or where it went).</summary>
    public static InvokeResponse Message(string text) => Task(new JsonObject { ["type"] = "message", ["value"] = text });

    /// <summary>The card posted in the message's thread: "Case SR-… opened by …".</summary>
    public static Activity Opened(string said) => new()
    {
        Type = ActivityTypes.Message,
        Text = said,
        Attachments = [AdaptiveCard.Attachment([AdaptiveCard.TextBlock(said, weight: "Bolder")])],
    };

    /// <summary>The form's body: the incident (multi-line), the reporter, the category and the severity, each pre-filled.</summary>
    public static JsonArray FormBody(MessageForm form, HomeText text) =>
    [
        new JsonObject
        {
            ["type"] = "Input.Text", ["id"] = IncidentId, ["label"] = text.IncidentLabel, ["isMultiline"] = true, ["isRequired"] = true,
            ["errorMessage"] = text.EmptyIncident, ["maxLength"] = MessageStart.MaxIncidentLength, ["value"] = form.Incident,
        },
        new JsonObject { ["type"] = "Input.Text", ["id"] = ReporterId, ["label"] = text.ReporterLabel, ["value"] = form.Reporter ?? "" },
        new JsonObject
        {
            ["type"] = "Input.ChoiceSet", ["id"] = CategoryId, ["label"] = text.CategoryLabel, ["style"] = "compact", ["value"] = form.Category.ToString(),
            ["choices"] = new JsonArray([.. form.Categories.Select(c => (JsonNode)new JsonObject
            {
                ["title"] = c.Category == form.Category && form.CategorySuggested ? c.Title + " " + text.Suggested : c.Title,
                ["value"] = c.Category.ToString(),
            })]),
        },
        new JsonObject
        {
            ["type"] = "Input.ChoiceSet", ["id"] = SeverityId, ["label"] = text.SeverityLabel, ["style"] = "compact",
            ["value"] = form.Severity.ToString(CultureInfo.InvariantCulture),
            ["choices"] = new JsonArray([.. Enumerable.Range(1, 4).Select(s => (JsonNode)new JsonObject
            {
                ["title"] = s == form.Severity ? $"{s} {text.Suggested}" : s.ToString(CultureInfo.InvariantCulture),
                ["value"] = s.ToString(CultureInfo.InvariantCulture),
            })]),
        },
    ];

    private static JsonArray FormActions(HomeText text) => [new JsonObject { ["type"] = "Action.Submit", ["title"] = text.OpenCaseButton, ["style"] = "positive" }];

    private static InvokeResponse Task(JsonObject task) => new(200, JsonSerializer.SerializeToElement(new JsonObject { ["task"] = task }));
}
