using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServiceRecoveryBot.Channels.Cards;
using ServiceRecoveryBot.Conversations.Entry;
using ServiceRecoveryBot.Conversations.Home;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Recovery.Cases;

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
    public static InvokeResponse Form(MessageForm form) => Task(new JsonObject
    {
        ["type"] = "continue",
        ["value"] = new JsonObject
        {
            ["title"] = HomeText.ActionTitle,
            ["height"] = "medium",
            ["width"] = "medium",
            ["card"] = JsonNode.Parse(JsonSerializer.Serialize(AdaptiveCard.Attachment(FormBody(form), FormActions()), ActivityJson.Options)),
        },
    });

    /// <summary>A message in the dialog (why the case cannot be logged, or where it went).</summary>
    public static InvokeResponse Message(string text) => Task(new JsonObject { ["type"] = "message", ["value"] = text });

    /// <summary>The card posted in the message's thread: "Case SR-… opened by …".</summary>
    public static Activity Opened(CaseId id, string by) => new()
    {
        Type = ActivityTypes.Message,
        Text = HomeText.OpenedInThread(id, by),
        Attachments = [AdaptiveCard.Attachment([AdaptiveCard.TextBlock(HomeText.OpenedInThread(id, by), weight: "Bolder")])],
    };

    /// <summary>The form's body: the incident (multi-line), the reporter, the category and the severity, each pre-filled.</summary>
    public static JsonArray FormBody(MessageForm form) =>
    [
        new JsonObject
        {
            ["type"] = "Input.Text", ["id"] = IncidentId, ["label"] = HomeText.IncidentLabel, ["isMultiline"] = true, ["isRequired"] = true,
            ["errorMessage"] = HomeText.EmptyIncident, ["maxLength"] = MessageStart.MaxIncidentLength, ["value"] = form.Incident,
        },
        new JsonObject { ["type"] = "Input.Text", ["id"] = ReporterId, ["label"] = HomeText.ReporterLabel, ["value"] = form.Reporter ?? "" },
        new JsonObject
        {
            ["type"] = "Input.ChoiceSet", ["id"] = CategoryId, ["label"] = HomeText.CategoryLabel, ["style"] = "compact", ["value"] = form.Category.ToString(),
            ["choices"] = new JsonArray([.. form.Categories.Select(c => (JsonNode)new JsonObject
            {
                ["title"] = c.Category == form.Category && form.CategorySuggested ? c.Title + " (suggested)" : c.Title,
                ["value"] = c.Category.ToString(),
            })]),
        },
        new JsonObject
        {
            ["type"] = "Input.ChoiceSet", ["id"] = SeverityId, ["label"] = HomeText.SeverityLabel, ["style"] = "compact",
            ["value"] = form.Severity.ToString(CultureInfo.InvariantCulture),
            ["choices"] = new JsonArray([.. Enumerable.Range(1, 4).Select(s => (JsonNode)new JsonObject
            {
                ["title"] = s == form.Severity ? $"{s} (suggested)" : s.ToString(CultureInfo.InvariantCulture),
                ["value"] = s.ToString(CultureInfo.InvariantCulture),
            })]),
        },
    ];

    private static JsonArray FormActions() => [new JsonObject { ["type"] = "Action.Submit", ["title"] = HomeText.OpenCaseButton, ["style"] = "positive" }];

    private static InvokeResponse Task(JsonObject task) => new(200, JsonSerializer.SerializeToElement(new JsonObject { ["task"] = task }));
}
