using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ServiceRecoveryBot.IntegrationTests.DirectLine;

/// <summary>Speaks the local Direct Line subset the way DirectLineJS does in polling mode.</summary>
public sealed class DirectLineClient(HttpClient http)
{
    public const string Prefix = "/v3/directline";

    public string ConversationId { get; private set; } = "";
    public string Token { get; private set; } = "";
    public string? Watermark { get; private set; }

    public async Task<HttpResponseMessage> StartAsync(string userId = "dev-user")
    {
        var response = await http.PostAsync(Prefix + "/conversations", Json(JsonSerializer.Serialize(new { user = new { id = userId } })));
        if (response.StatusCode == HttpStatusCode.Created)
        {
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            ConversationId = body.RootElement.GetProperty("conversationId").GetString()!;
            Token = body.RootElement.GetProperty("token").GetString()!;
        }
        return response;
    }

    public Task<HttpResponseMessage> PostAsync(string activityJson, string? token = null, string? conversationId = null) =>
        SendAsync(HttpMethod.Post, $"{Prefix}/conversations/{conversationId ?? ConversationId}/activities", token ?? Token, Json(activityJson));

    public Task<HttpResponseMessage> GetAsync(string? watermark, string? token = null, string? conversationId = null) =>
        SendAsync(HttpMethod.Get, $"{Prefix}/conversations/{conversationId ?? ConversationId}/activities?watermark={Uri.EscapeDataString(watermark ?? "")}", token ?? Token, null);

    /// <summary>Polls once from the stored watermark and moves the watermark on, as the client does.</summary>
    public async Task<IReadOnlyList<JsonElement>> PollAsync()
    {
        var response = await GetAsync(Watermark);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        if (body.RootElement.TryGetProperty("watermark", out var watermark) && watermark.ValueKind == JsonValueKind.String)
            Watermark = watermark.GetString();
        return body.RootElement.GetProperty("activities").EnumerateArray().Select(a => a.Clone()).ToList();
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, HttpContent? content)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.TryAddWithoutValidation("x-ms-bot-agent", "DirectLine/3.0 (directlinejs; test)");
        return http.SendAsync(request);
    }

    /// <summary>A message as Web Chat v4 posts it: channelId "webchat", a clientActivityID, a capabilities entity.</summary>
    public static string WebChatMessage(string clientActivityId, string? text = null, string? answer = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["type"] = "message",
            ["channelId"] = "webchat",
            ["from"] = new { id = "dev-user", name = "Sam", role = "user" },
            ["locale"] = "en-US",
            ["localTimestamp"] = "2026-11-23T09:15:00.000+01:00",
            ["localTimezone"] = "Europe/Paris",
            ["text"] = text,
            ["value"] = answer is null ? null : new { answer },
            ["channelData"] = new { clientActivityID = clientActivityId, clientTimestamp = "2026-11-23T08:15:00.000Z", custom = new { nested = new[] { 1, 2 } } },
            ["entities"] = new object[] { new { type = "ClientCapabilities", requiresBotState = true, supportsListening = true, supportsTts = true } },
        }.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value));

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
