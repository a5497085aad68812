using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ServiceRecoveryBot.Protocol;

/// <summary>
/// The Bot Connector REST API (v3) over HttpClient: reply-to-activity, send-to-conversation and update.
/// Retries, timeouts and Retry-After live in the HttpClient's resilience pipeline; this class maps answers to outcomes.
/// </summary>
public sealed class ConnectorClient(HttpClient http, IConnectorCredentials credentials) : IChannelClient
{
    public Task<SendResult> SendAsync(string serviceUrl, Activity activity, CancellationToken ct)
    {
        var conversationId = activity.Conversation?.Id ?? throw new ArgumentException("The activity has no conversation id.", nameof(activity));
        var path = activity.ReplyToId is { Length: > 0 } replyTo
            ? $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(replyTo)}"
            : $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        return CallAsync(HttpMethod.Post, serviceUrl, path, activity, ct);
    }

    public Task<SendResult> UpdateAsync(string serviceUrl, Activity activity, CancellationToken ct)
    {
        var conversationId = activity.Conversation?.Id ?? throw new ArgumentException("The activity has no conversation id.", nameof(activity));
        var activityId = activity.Id ?? throw new ArgumentException("An update needs the id of the activity it replaces.", nameof(activity));
        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}";
        return CallAsync(HttpMethod.Put, serviceUrl, path, activity, ct);
    }

    /// <summary>Joins a serviceUrl and a v3 path with exactly one slash, keeping any path the serviceUrl has.</summary>
    public static Uri BuildUri(string serviceUrl, string path) =>
        new(serviceUrl.EndsWith('/') ? serviceUrl + path : serviceUrl + "/" + path, UriKind.Absolute);

    private async Task<SendResult> CallAsync(HttpMethod method, string serviceUrl, string path, Activity activity, CancellationToken ct)
    {
        var uri = BuildUri(serviceUrl, path);
        using var request = new HttpRequestMessage(method, uri)
        {
            Content = JsonContent.Create(activity, options: ActivityJson.Options),
        };
        try
        {
            if (await credentials.GetTokenAsync(uri, ct) is { } token)
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        catch (Azure.Identity.AuthenticationFailedException ex)
        {
            return new SendResult(SendOutcome.Failed, Detail: "Could not get a Bot Framework token: " + ex.GetType().Name);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException ex)
        {
            return new SendResult(SendOutcome.Failed, Detail: ex.Message);
        }
        catch (TaskCanceledException ex) when (!ct.IsCancellationRequested)
        {
            return new SendResult(SendOutcome.Failed, Detail: "Timed out: " + ex.Message);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
                return new SendResult(SendOutcome.Delivered, await ReadIdAsync(response, ct));
            var body = await response.Content.ReadAsStringAsync(ct);
            return new SendResult(Classify(response.StatusCode, body), Detail: $"{(int)response.StatusCode} {ErrorCode(body)}".Trim())
            {
                RetryAfter = RetryAfterOf(response),
            };
        }
    }

    private static SendOutcome Classify(HttpStatusCode status, string body) => status switch
    {
        HttpStatusCode.TooManyRequests => SendOutcome.Throttled,
        HttpStatusCode.NotFound => SendOutcome.ConversationGone,
        HttpStatusCode.Forbidden when ErrorCode(body) is "BotNotInConversationRoster" or "ConversationBlockedByUser" or "BotDisabledByAdmin" => SendOutcome.ConversationGone,
        _ => SendOutcome.Failed,
    };

    /// <summary>The answer's <c>Retry-After</c>: a delay, or a date measured against the answer's own <c>Date</c>.</summary>
    private static TimeSpan? RetryAfterOf(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } when response.Headers.Date is { } now => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };

    private static string? ErrorCode(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            // {"error":{"code":"..."}} as documented; anything else (a string, an array, a proxy's page) names no code.
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
                    ? code.GetString()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<string?> ReadIdAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            return JsonSerializer.Deserialize<ResourceResponse>(text, ActivityJson.Options)?.Id;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
