using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceRecoveryBot.Turns;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Channels.Slack;

/// <summary>
/// Slack's three request URLs (see manifest/slack): <c>/api/slack/events</c> (Events API, JSON),
/// <c>/api/slack/interactions</c> (button presses, a form field <c>payload</c> holding JSON; the pressed message's buttons
/// then give way to the answer) and
/// <c>/api/slack/commands</c> (the <c>/recovery</c> slash command, form fields). Every request is checked against the
/// signing secret over its raw bytes first (401 and nothing read otherwise); a body that is not what Slack sends gets
/// 400. Answers come within Slack's 3 seconds: 200 once the turn ran, or once <see cref="SlackOptions.AckBudget"/> passed
/// (the turn goes on), or 503 when the conversation was too busy and Slack should send it again. Without
/// <c>Slack:SigningSecret</c> the endpoints answer 404.
/// </summary>
public static partial class SlackEndpoints
{
    /// <summary>Slack's own payloads are a few kilobytes; anything this large is not from Slack.</summary>
    private const int MaxBodyBytes = ActivityRules.MaxBodyBytes;

    public const string EventsPath = "/api/slack/events";
    public const string InteractionsPath = "/api/slack/interactions";
    public const string CommandsPath = "/api/slack/commands";

    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder app)
    {
        app.MapPost(EventsPath, EventsAsync);
        app.MapPost(InteractionsPath, InteractionsAsync);
        app.MapPost(CommandsPath, CommandsAsync);
        return app;
    }

    private static async Task<IResult> EventsAsync(HttpContext http, IOptions<SlackOptions> options, TimeProvider clock, SlackTurns turns, ILoggerFactory loggers)
    {
        var (body, refusal) = await ReadSignedAsync(http, options.Value, clock, loggers);
        if (refusal is not null) return refusal;
        if (JsonObjectOf(body) is not { } envelope) return Results.BadRequest(new { error = "The body is not a JSON object." });

        var type = envelope.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (type == "url_verification")
        {
            return envelope.TryGetProperty("challenge", out var challenge) && challenge.ValueKind == JsonValueKind.String
                ? Results.Json(new { challenge = challenge.GetString() })
                : Results.BadRequest(new { error = "No challenge." });
        }
        if (type != "event_callback") return Results.Ok();
        if (Home.SlackHome.HomeOpened(envelope) is { } home)
        {
            await http.RequestServices.GetRequiredService<Home.SlackHome>().OpenedAsync(home.Team, home.User, options.Value.AckBudget, clock);
            return Results.Ok();
        }
        return SlackInbound.FromEvent(envelope, options.Value.ApiBaseUrl.ToString()) is { } turn
            ? await RunAsync(turns, turn.Activity, turn.OnlyIfConversationExists, options.Value.AckBudget, clock)
            : Results.Ok();
    }

    private static async Task<IResult> InteractionsAsync(HttpContext http, IOptions<SlackOptions> options, TimeProvider clock, SlackTurns turns, ILoggerFactory loggers)
    {
        var (body, refusal) = await ReadSignedAsync(http, options.Value, clock, loggers);
        if (refusal is not null) return refusal;
        if (!Form(body).TryGetValue("payload", out var payload)) return Results.BadRequest(new { error = "No payload field." });
        if (JsonObjectOf(Encoding.UTF8.GetBytes(payload)) is not { } json) return Results.BadRequest(new { error = "The payload is not a JSON object." });
        if (Shortcuts.SlackShortcuts.Handles(json)) return await http.RequestServices.GetRequiredService<Shortcuts.SlackShortcuts>().HandleAsync(json, http.RequestAborted);
        return SlackInbound.FromInteraction(json, options.Value.ApiBaseUrl.ToString()) is { } activity
            ? await RunAsync(turns, activity, onlyIfConversationExists: false, options.Value.AckBudget, clock, SlackPressedMessage.From(json))
            : Results.Ok();
    }

    /// <summary>
    /// A slash command runs in the DM with the one who typed it: in a channel, typed answers would be channel chatter,
    /// so the command moves to the DM (<c>conversations.open</c>) and Slack shows them, and only them, where it went.
    /// </summary>
    private static async Task<IResult> CommandsAsync(HttpContext http, IOptions<SlackOptions> options, TimeProvider clock, SlackTurns turns, SlackWebClient slack, ILoggerFactory loggers)
    {
        var (body, refusal) = await ReadSignedAsync(http, options.Value, clock, loggers);
        if (refusal is not null) return refusal;
        if (SlackInbound.FromCommand(Form(body), options.Value.ApiBaseUrl.ToString()) is not { } activity)
            return Results.BadRequest(new { error = "A slash command needs user_id and channel_id." });
        if (activity.Conversation!.IsGroup != true) return await RunAsync(turns, activity, onlyIfConversationExists: false, options.Value.AckBudget, clock);

        if (await slack.OpenDirectMessageAsync(activity.From!.Id, http.RequestAborted) is not { } direct)
            return await RunAsync(turns, activity, onlyIfConversationExists: false, options.Value.AckBudget, clock);
        var moved = activity with { Conversation = activity.Conversation with { Id = direct, IsGroup = false, ConversationType = "personal" } };
        var answered = await RunAsync(turns, moved, onlyIfConversationExists: false, options.Value.AckBudget, clock);
        return answered is IStatusCodeHttpResult { StatusCode: StatusCodes.Status503ServiceUnavailable }
            ? answered
            : Results.Json(new { response_type = "ephemeral", text = "I've answered in our direct messages, so we can go on there." });
    }

    /// <summary>
    /// Checks the activity against <see cref="ActivityRules"/> (400 or 413), then waits for the turn up to the ack budget:
    /// 503 asks Slack to send it again when the conversation was too busy.
    /// </summary>
    private static async Task<IResult> RunAsync(SlackTurns turns, Activity activity, bool onlyIfConversationExists, TimeSpan ackBudget, TimeProvider clock, SlackPressedMessage? pressed = null)
    {
        if (ActivityRules.Check(activity) is { } problem) return Results.Json(new { error = problem.Error }, statusCode: problem.Status);
        try
        {
            var outcome = await turns.RunAsync(activity, onlyIfConversationExists, pressed).WaitAsync(ackBudget, clock);
            return outcome is { Status: TurnStatus.Rejected, Retryable: true } ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable) : Results.Ok();
        }
        catch (TimeoutException)
        {
            return Results.Ok(); // The turn goes on; its replies follow.
        }
    }

    /// <summary>The raw body, or the answer to give instead: 404 when Slack is not configured, 413 when too large, 401 when not signed by Slack.</summary>
    private static async Task<(byte[] Body, IResult? Refusal)> ReadSignedAsync(HttpContext http, SlackOptions options, TimeProvider clock, ILoggerFactory loggers)
    {
        if (!options.IsEnabled) return ([], Results.NotFound());
        if (await BoundedBody.ReadAsync(http.Request, MaxBodyBytes, http.RequestAborted) is not { } body)
            return ([], Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        var headers = http.Request.Headers;
        if (!SlackSignature.IsValid(options.SigningSecret!, headers["X-Slack-Request-Timestamp"], headers["X-Slack-Signature"], body, clock.GetUtcNow(), options.MaxClockSkew))
        {
            LogUnsigned(loggers.CreateLogger("ServiceRecoveryBot.Slack"), http.Request.Path);
            return ([], Results.Unauthorized());
        }
        return (body, null);
    }

    /// <summary>The body as a JSON object, or null when it is not one or holds a string that is not text (a lone surrogate).</summary>
    private static JsonElement? JsonObjectOf(byte[] json)
    {
        try
        {
            return JsonSerializer.Deserialize<JsonElement>(json) is { ValueKind: JsonValueKind.Object } element && ActivityRules.UnreadableString(element, "$") is null
                ? element
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Dictionary<string, string> Form(byte[] body) =>
        QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)).ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.Ordinal);

    [LoggerMessage(EventId = 1312, Level = LogLevel.Warning, Message = "Refused a Slack request to {Path}: no valid signature")]
    private static partial void LogUnsigned(ILogger logger, PathString path);
}
