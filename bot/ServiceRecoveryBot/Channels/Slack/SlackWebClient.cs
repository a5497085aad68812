using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Channels.Slack;

/// <summary>
/// Sends the bot's replies to Slack's Web API: <c>chat.postMessage</c> (into the conversation's thread when it has one)
/// and <c>chat.update</c>. Text is converted to mrkdwn; suggested actions become buttons whose value is the answer.
/// Slack answers most errors with HTTP 200 and <c>ok: false</c>; this class maps both kinds to a <see cref="SendOutcome"/>.
/// Retries, timeouts and Retry-After live in the HttpClient's resilience pipeline (<see cref="SlackServiceCollectionExtensions"/>);
/// new posts wait for their channel's slot (<see cref="SlackChannelPacer"/>).
/// </summary>
public sealed partial class SlackWebClient(HttpClient http, IOptions<SlackOptions> options, SlackChannelPacer pacer, ILogger<SlackWebClient> logger) : IChannelClient
{
    /// <summary><c>text</c> longer than this is refused by <c>chat.update</c>; longer messages go in section blocks.</summary>
    public const int MaxTextLength = 4000;
    public const int MaxSectionTextLength = 3000;
    public const int MaxButtonTextLength = 75;
    public const int MaxButtonValueLength = 2000;
    public const int MaxButtonUrlLength = 3000;
    public const int MaxElementsPerActionsBlock = 25;
    public const int MaxBlocks = 50;

    /// <summary>Errors after which nothing more can be posted to the conversation.</summary>
    private static readonly HashSet<string> GoneErrors = new(StringComparer.Ordinal) { "channel_not_found", "is_archived", "not_in_channel", "account_inactive" };

    private static readonly JsonSerializerOptions AnswerJson = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    // Per instance: the client is resolved once by whoever routes to Slack, so the warning is written once, not per reply.
    private int missingTokenLogged;

    /// <summary>
    /// Posts a message activity (the serviceUrl is not used: Slack has one API): a reply into its conversation's thread,
    /// a proactive message (no <see cref="Activity.ReplyToId"/>: a reminder, an escalation) at the channel's top level,
    /// where the channel sees it; the files it carries (an export, a chart) follow it, uploaded into the same place.
    /// Other activity types, typing included, have no Slack form (a bot has no typing indicator) and count as delivered
    /// without a call.
    /// </summary>
    public async Task<SendResult> SendAsync(string serviceUrl, Activity activity, CancellationToken ct)
    {
        if (!activity.IsMessage) return new SendResult(SendOutcome.Delivered);
        var conversation = ConversationOf(activity);
        var body = new JsonObject { ["channel"] = conversation.Channel };
        var threadTs = conversation.ThreadTs is { Length: > 0 } ts && activity.ReplyToId is not null ? ts : null;
        if (threadTs is not null) body["thread_ts"] = threadTs;
        var sent = await SendMessageAsync("chat.postMessage", conversation.Channel, body, activity, replacing: false, ct);
        if (sent.Outcome == SendOutcome.Delivered)
            foreach (var file in SlackFile.Of(activity))
                await UploadAsync(conversation.Channel, threadTs, file, ct);
        return sent;
    }

    /// <summary>
    /// Uploads a file into a channel (or a thread) the way Slack asks now: an upload URL for its name and length, the
    /// bytes posted there, then the upload completed into the channel. A refusal is logged; the message itself went.
    /// </summary>
    private async Task<bool> UploadAsync(string channel, string? threadTs, SlackFile file, CancellationToken ct)
    {
        using var ask = new HttpRequestMessage(HttpMethod.Post, MethodUri("files.getUploadURLExternal"))
        {
            Content = new FormUrlEncodedContent([new("filename", file.Name), new("length", file.Content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))]),
        };
        void Failed(string error) => FileNotUploaded(logger, file.Name, channel, error);
        if (await CallAsync(ask, Failed, ct) is not { } answer || NonEmpty(answer, "file_id") is not { } fileId
            || NonEmpty(answer, "upload_url") is not { } uploadUrl || !IsUploadUrl(uploadUrl))
        {
            Failed("no_upload_url");
            return false;
        }

        using (var upload = new HttpRequestMessage(HttpMethod.Post, uploadUrl) { Content = new ByteArrayContent(file.Content) })
        {
            try
            {
                using var uploaded = await http.SendAsync(upload, ct);
                if (!uploaded.IsSuccessStatusCode)
                {
                    Failed($"http_{(int)uploaded.StatusCode}");
                    return false;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
            {
                Failed(ex.GetType().Name);
                return false;
            }
        }

        var complete = new JsonObject { ["files"] = new JsonArray(new JsonObject { ["id"] = fileId, ["title"] = file.Title }), ["channel_id"] = channel };
        if (threadTs is not null) complete["thread_ts"] = threadTs;
        using var done = new HttpRequestMessage(HttpMethod.Post, MethodUri("files.completeUploadExternal")) { Content = JsonContent.Create(complete) };
        return await CallAsync(done, Failed, ct) is not null;
    }

    /// <summary>Slack's upload URLs are https; a plain-http one only where the API itself is (a loopback stand-in).</summary>
    private bool IsUploadUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp && uri.Authority == options.Value.ApiBaseUrl.Authority);

    /// <summary>Edits the message whose <c>ts</c> is <see cref="Activity.Id"/> (the id <see cref="SendAsync"/> returned).</summary>
    public Task<SendResult> UpdateAsync(string serviceUrl, Activity activity, CancellationToken ct)
    {
        var conversation = ConversationOf(activity);
        var ts = activity.Id is { Length: > 0 } id ? id : throw new ArgumentException("An update needs the ts of the message it replaces.", nameof(activity));
        var body = new JsonObject { ["channel"] = conversation.Channel, ["ts"] = ts };
        return SendMessageAsync("chat.update", conversation.Channel, body, activity, replacing: true, ct);
    }

    /// <summary>
    /// Replaces a pressed message's buttons with the answer given (<c>chat.update</c> on its channel and ts), so an old
    /// question's buttons cannot be pressed again; false when Slack refused (logged).
    /// </summary>
    public async Task<bool> ReplaceButtonsAsync(SlackPressedMessage pressed, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, MethodUri("chat.update")) { Content = JsonContent.Create(pressed.Answered()) };
        return await CallAsync(request, error => NotDelivered(logger, "chat.update", pressed.Channel, error, SendOutcome.Failed), ct) is not null;
    }

    /// <summary>
    /// The name Slack shows for a user (<c>users.info</c>: the display name, else the real name), so cases and managers'
    /// cards name the staff member rather than a user id; null when Slack does not say (no token, no scope, an error).
    /// </summary>
    public async Task<string?> UserNameAsync(string userId, CancellationToken ct) => (await UserAsync(userId, ct)).Name;

    /// <summary>
    /// The user's name and locale ("es-ES", with <c>include_locale</c>; Slack's events carry none), each null when Slack
    /// does not say.
    /// </summary>
    public async Task<(string? Name, string? Locale)> UserAsync(string userId, CancellationToken ct)
    {
        // A read method: GET with the query string (Slack's reference lists no body for it).
        using var request = new HttpRequestMessage(HttpMethod.Get,
            new Uri(MethodUri("users.info") + "?user=" + Uri.EscapeDataString(userId) + "&include_locale=true"));
        if (await CallAsync(request, error => UserUnknown(logger, error), ct) is not { } answer || !answer.TryGetProperty("user", out var user))
            return (null, null);
        var profile = user.TryGetProperty("profile", out var p) ? p : default;
        return (NonEmpty(profile, "display_name") ?? NonEmpty(user, "real_name") ?? NonEmpty(profile, "real_name"), NonEmpty(user, "locale"));
    }

    /// <summary>The bot's DM with a user (<c>conversations.open</c>, safe to call again: Slack returns the same one); null when Slack refuses.</summary>
    public async Task<string?> OpenDirectMessageAsync(string userId, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, MethodUri("conversations.open")) { Content = JsonContent.Create(new { users = userId }) };
        return await CallAsync(request, error => NotDelivered(logger, "conversations.open", userId, error, SendOutcome.Failed), ct) is { } answer
            && answer.TryGetProperty("channel", out var channel)
            ? NonEmpty(channel, "id")
            : null;
    }

    /// <summary>
    /// One Web API call with the bot token: the answer when Slack says <c>ok</c>; otherwise null, and Slack's error (or
    /// what went wrong on the way) goes to <paramref name="failed"/>. Null at once without a token.
    /// </summary>
    private async Task<JsonElement?> CallAsync(HttpRequestMessage request, Action<string> failed, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(options.Value.BotToken)) return null;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.BotToken);
        try
        {
            using var response = await http.SendAsync(request, ct);
            using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            var root = answer.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                failed("invalid_response");
                return null;
            }
            if (root.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True) return root.Clone();
            failed(root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String ? error.GetString()! : "invalid_response");
            return null;
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TimeoutRejectedException
            || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            failed(ex.GetType().Name);
            return null;
        }
    }

    private static string? NonEmpty(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.GetString() is { Length: > 0 } text ? text : null;

    private static SlackConversation ConversationOf(Activity activity) =>
        SlackConversation.Parse(activity.Conversation?.Id ?? throw new ArgumentException("The activity has no conversation id.", nameof(activity)));

    private async Task<SendResult> SendMessageAsync(string method, string channel, JsonObject body, Activity activity, bool replacing, CancellationToken ct)
    {
        var token = options.Value.BotToken;
        if (string.IsNullOrEmpty(token))
        {
            if (Interlocked.Exchange(ref missingTokenLogged, 1) == 0) BotTokenMissing(logger);
            return new SendResult(SendOutcome.Failed, Detail: "Slack:BotToken is not set; replies to Slack need the bot token (xoxb-...).");
        }

        if (!TryWriteContent(activity, body, replacing))
        {
            NothingToShow(logger, method, channel);
            return new SendResult(SendOutcome.Failed, Detail: "nothing_to_show: the activity has no text, summary, card fallback text or suggested actions");
        }

        if (!replacing && !await pacer.WaitTurnAsync(channel, ct))
        {
            NotDelivered(logger, method, channel, "paced", SendOutcome.Throttled);
            return new SendResult(SendOutcome.Throttled, Detail: "paced: too many posts waiting for this channel");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, MethodUri(method)) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException ex)
        {
            NotDelivered(logger, method, channel, "http_error", SendOutcome.Failed);
            return new SendResult(SendOutcome.Failed, Detail: "http_error: " + ex.Message);
        }
        catch (Exception ex) when (ex is TimeoutRejectedException || (ex is TaskCanceledException && !ct.IsCancellationRequested))
        {
            NotDelivered(logger, method, channel, "timeout", SendOutcome.Failed);
            return new SendResult(SendOutcome.Failed, Detail: "timeout");
        }

        using (response)
        {
            var answer = await ReadAnswerAsync(response, ct);
            if (response.IsSuccessStatusCode && answer is { Ok: true })
            {
                if (answer.Warning is { Length: > 0 } warning) SucceededWithWarnings(logger, method, channel, warning);
                return new SendResult(SendOutcome.Delivered, answer.Ts);
            }

            var error = answer?.Error ?? (response.IsSuccessStatusCode ? "invalid_response" : $"http_{(int)response.StatusCode}");
            var outcome = response.StatusCode == HttpStatusCode.TooManyRequests || error is "ratelimited" or "rate_limited" ? SendOutcome.Throttled
                : GoneErrors.Contains(error) ? SendOutcome.ConversationGone
                : SendOutcome.Failed;
            NotDelivered(logger, method, channel, error, outcome);
            return new SendResult(outcome, Detail: answer?.Needed is { Length: > 0 } needed ? $"{error} (needed: {needed})" : error);
        }
    }

    /// <summary>
    /// Writes <c>text</c> (always: it is the notification and screen-reader text) and, for buttons or text too long for
    /// <c>text</c> alone, <c>blocks</c>. False when the activity has nothing Slack can show.
    /// </summary>
    private static bool TryWriteContent(Activity activity, JsonObject body, bool replacing)
    {
        var mrkdwn = SlackMrkdwn.FromMarkdown(ShownText(activity) ?? string.Empty).Trim();
        var buttons = Buttons(activity.SuggestedActions);
        if (mrkdwn.Length == 0 && buttons.Count == 0) return false;

        var fallback = mrkdwn.Length > 0 ? mrkdwn : SlackMrkdwn.FromMarkdown(string.Join(" | ", activity.SuggestedActions!.Actions.Select(a => a.Title)));
        body["text"] = SlackMrkdwn.Truncate(fallback, MaxTextLength);
        if (buttons.Count > 0 || mrkdwn.Length > MaxTextLength) body["blocks"] = Blocks(mrkdwn, buttons);
        else if (replacing) body["blocks"] = new JsonArray(); // an edit removes the buttons the message had
        return true;
    }

    /// <summary>The text, else the summary (the Bot Framework's text for channels without cards), else a card's fallbackText.</summary>
    private static string? ShownText(Activity activity)
    {
        if (!string.IsNullOrWhiteSpace(activity.Text)) return activity.Text;
        if (!string.IsNullOrWhiteSpace(activity.Summary)) return activity.Summary;
        return activity.Attachments?
            .Select(a => a.Content is { ValueKind: JsonValueKind.Object } card && card.TryGetProperty("fallbackText", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null)
            .FirstOrDefault(text => !string.IsNullOrWhiteSpace(text));
    }

    private static List<JsonObject> Buttons(SuggestedActions? suggested)
    {
        var buttons = new List<JsonObject>();
        foreach (var action in suggested?.Actions ?? [])
        {
            var value = string.IsNullOrEmpty(action.Value) ? action.Title : action.Value;
            var label = string.IsNullOrWhiteSpace(action.Title) ? value : action.Title;
            if (string.IsNullOrWhiteSpace(label)) continue;
            var button = new JsonObject
            {
                ["type"] = "button",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = SlackMrkdwn.TruncatePlain(label, MaxButtonTextLength), ["emoji"] = true },
                ["value"] = SlackMrkdwn.TruncatePlain(value, MaxButtonValueLength),
                ["action_id"] = $"choice-{buttons.Count}",
            };
            if (action.Type == "openUrl" && value.Length <= MaxButtonUrlLength && Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "https" or "http")
                button["url"] = value;
            buttons.Add(button);
        }
        return buttons;
    }

    /// <summary>Section blocks of at most 3,000 characters, then actions blocks of at most 25 buttons; 50 blocks in all.</summary>
    private static JsonArray Blocks(string mrkdwn, List<JsonObject> buttons)
    {
        var actionBlocks = buttons.Chunk(MaxElementsPerActionsBlock).Take(MaxBlocks - 1).ToList();
        var sections = SlackMrkdwn.Split(mrkdwn, MaxSectionTextLength).ToList();
        var room = MaxBlocks - actionBlocks.Count;
        if (sections.Count > room)
        {
            sections = sections[..room];
            sections[^1] = SlackMrkdwn.Truncate(sections[^1] + " …", MaxSectionTextLength);
        }

        var blocks = new JsonArray();
        foreach (var section in sections)
            blocks.Add(new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = section } });
        foreach (var elements in actionBlocks)
            blocks.Add(new JsonObject { ["type"] = "actions", ["elements"] = new JsonArray([.. elements]) });
        return blocks;
    }

    /// <summary>The method's URL: the base with exactly one slash before the method name.</summary>
    private Uri MethodUri(string method)
    {
        var baseUrl = options.Value.ApiBaseUrl.AbsoluteUri;
        return new Uri(baseUrl.EndsWith('/') ? baseUrl + method : baseUrl + "/" + method, UriKind.Absolute);
    }

    private static async Task<SlackAnswer?> ReadAnswerAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        try
        {
            return JsonSerializer.Deserialize<SlackAnswer>(text, AnswerJson);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>What the bot reads of a Web API answer: <c>ok</c>, the message's <c>ts</c>, or the <c>error</c> (and the
    /// <c>needed</c> scope of <c>missing_scope</c>), and any <c>warning</c>.</summary>
    private sealed record SlackAnswer(bool Ok, string? Ts, string? Error, string? Needed, string? Warning);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "Slack {Method} to channel {Channel} was not delivered: {Error} ({Outcome})")]
    private static partial void NotDelivered(ILogger logger, string method, string channel, string error, SendOutcome outcome);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "Slack replies need Slack:BotToken (the app's xoxb- bot token); it is not set, so nothing is sent to Slack")]
    private static partial void BotTokenMissing(ILogger logger);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Warning, Message = "Slack {Method} to channel {Channel} skipped: the activity has nothing Slack can show")]
    private static partial void NothingToShow(ILogger logger, string method, string channel);

    [LoggerMessage(EventId = 1305, Level = LogLevel.Information, Message = "Slack users.info gave no name: {Error}")]
    private static partial void UserUnknown(ILogger logger, string error);

    [LoggerMessage(EventId = 1306, Level = LogLevel.Warning, Message = "Slack file {Name} to channel {Channel} was not uploaded: {Error}")]
    private static partial void FileNotUploaded(ILogger logger, string name, string channel, string error);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Information, Message = "Slack {Method} to channel {Channel} succeeded with warnings: {Warnings}")]
    private static partial void SucceededWithWarnings(ILogger logger, string method, string channel, string warnings);
}
