using System.Net.Http.Json;
using ServiceRecoveryBot.IntegrationTests.Infrastructure;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.IntegrationTests.Http;

/// <summary>Posts activities of one conversation to /api/messages, like a channel would.</summary>
public sealed class BotClient(HttpClient http, LoopbackConnector connector, string conversationId, string user = "29:staff-1", string name = "Sam")
{
    private int sequence;

    public string ConversationId => conversationId;

    public Activity Message(string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = $"{Guid.NewGuid():N}-{Interlocked.Increment(ref sequence)}",
        ChannelId = "msteams",
        ServiceUrl = connector.ServiceUrl,
        Text = text,
        From = new ChannelAccount { Id = user, Name = name },
        Recipient = new ChannelAccount { Id = "28:bot", Name = "ServiceRecoveryBot" },
        Conversation = new ConversationAccount { Id = conversationId, ConversationType = "personal" },
        Locale = "en-US",
    };

    /// <summary>A Teams <c>Action.Execute</c> click (Universal Actions): an <c>adaptiveCard/action</c> invoke carrying the action's verb and data.</summary>
    public Activity Execute(string verb, object data) => Message("") with
    {
        Type = ActivityTypes.Invoke,
        Name = "adaptiveCard/action",
        Text = null,
        Value = System.Text.Json.JsonSerializer.SerializeToElement(new { action = new { type = "Action.Execute", verb, data }, trigger = verb == "refresh" ? "automatic" : "manual" }),
    };

    /// <summary>Posts an invoke and returns the card its answer carries (the one that replaces the clicked card).</summary>
    public async Task<System.Text.Json.Nodes.JsonNode> InvokeAsync(Activity invoke)
    {
        var response = await PostAsync(invoke);
        response.EnsureSuccessStatusCode();
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, (int)body["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        return body["value"]!;
    }

    public Task<HttpResponseMessage> PostAsync(Activity activity) =>
        http.PostAsJsonAsync("/api/messages", activity, ActivityJson.Options);

    /// <summary>Sends a message and returns the texts the connector received in reply to it.</summary>
    public async Task<IReadOnlyList<string>> SayAsync(string text)
    {
        var activity = Message(text);
        var response = await PostAsync(activity);
        response.EnsureSuccessStatusCode();
        return RepliesTo(activity.Id!);
    }

    /// <summary>The texts of the replies to <paramref name="activityId"/>: a card's first text when it has no text (a Teams question card).</summary>
    public IReadOnlyList<string> RepliesTo(string activityId) =>
        connector.Received.Where(r => r.ReplyToId == activityId && r.Activity.Type == ActivityTypes.Message).Select(r => r.Activity.Text is { Length: > 0 } text ? text : CardText(r.Activity)).ToList();

    private static string CardText(Activity activity) =>
        activity.Attachments is [{ Content: { ValueKind: System.Text.Json.JsonValueKind.Object } card }, ..]
        && card.TryGetProperty("body", out var body) && body.ValueKind == System.Text.Json.JsonValueKind.Array && body.GetArrayLength() > 0
        && body[0].TryGetProperty("text", out var text) && text.ValueKind == System.Text.Json.JsonValueKind.String
            ? text.GetString()!
            : "";
}
