using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using ServiceRecoveryBot.Turns;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Protocol.Authentication;

namespace ServiceRecoveryBot.Channels.DirectLine;

/// <summary>
/// The local chat: <c>GET /</c> serves a page with Microsoft's Web Chat client (<c>/webchat.js</c>, from the bot's own
/// files), which talks to the Direct Line 3.0 subset under <c>/v3/directline</c> by polling. Mapped only in Development or
/// when no app id is configured, and answering only loopback callers; otherwise <c>GET /</c> is a plain status line.
/// </summary>
public static partial class LocalWebChatEndpoints
{
    public const string Prefix = "/v3/directline";

    private const string StatusLine =
        "ServiceRecoveryBot is running. POST activities to /api/messages, or run `dotnet run --project bot/ServiceRecoveryBot -- chat`.";

    public static WebApplication MapLocalWebChat(this WebApplication app)
    {
        var auth = app.Services.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value;
        if (!app.Environment.IsDevelopment() && auth.IsConfigured)
        {
            app.MapGet("/", () => Results.Text(StatusLine));
            return app;
        }

        var conversations = new DirectLineConversations(app.Services.GetRequiredService<TimeProvider>());
        var bridge = ActivatorUtilities.CreateInstance<DirectLineBridge>(app.Services);
        var files = new WebChatFiles(app.Environment.WebRootFileProvider);

        var local = app.MapGroup("").AddEndpointFilter(LoopbackOnlyAsync);
        local.MapGet("/", () => files.Serve("index.html", "text/html; charset=utf-8"));
        local.MapGet("/webchat.js", () => files.Serve("webchat.js", "text/javascript; charset=utf-8"));

        var directLine = local.MapGroup(Prefix);
        directLine.MapPost("/conversations", (HttpContext http, CancellationToken ct) => StartAsync(http, conversations, bridge, ct));
        directLine.MapPost("/conversations/{conversationId}/activities",
            (HttpContext http, string conversationId, ILoggerFactory loggers, CancellationToken ct) => PostActivityAsync(http, conversationId, conversations, bridge, loggers, ct));
        directLine.MapGet("/conversations/{conversationId}/activities",
            (HttpContext http, string conversationId, string? watermark) => GetActivities(http, conversationId, watermark, conversations, bridge));
        directLine.MapPost("/tokens/refresh", (HttpContext http) => Refresh(http, conversations));
        return app;
    }

    /// <summary>
    /// Without a token: opens a conversation (201) and lets the bot greet. With a current token (DirectLineJS starts this
    /// way): the token's conversation again (200), as Direct Line answers for a conversation that already exists.
    /// </summary>
    private static async Task<IResult> StartAsync(HttpContext http, DirectLineConversations conversations, DirectLineBridge bridge, CancellationToken ct)
    {
        if (http.Request.Headers.Authorization.Count > 0)
        {
            if (BearerToken(http) is not { } presented) return MissingToken();
            if (conversations.Find(presented) is not { } existing) return TokenExpired();
            return Results.Json(conversations.Describe(existing), statusCode: StatusCodes.Status200OK);
        }

        var userId = await ReadUserIdAsync(http.Request, ct) ?? "user";
        var token = conversations.Start(userId);
        var outcome = await bridge.StartAsync(token.ConversationId, userId, ct);
        if (outcome.Status == TurnStatus.Rejected) return BotRejected(outcome.Error);
        return Results.Json(conversations.Describe(token), statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> PostActivityAsync(
        HttpContext http, string conversationId, DirectLineConversations conversations, DirectLineBridge bridge, ILoggerFactory loggers, CancellationToken ct)
    {
        if (Authorize(http, conversationId, conversations) is { } denied) return denied;
        if (await BoundedBody.ReadAsync(http.Request, ActivityRules.MaxBodyBytes, ct) is not { } body)
            return Error(StatusCodes.Status413PayloadTooLarge, "BadArgument", $"The body is over {ActivityRules.MaxBodyBytes} bytes.");
        var (parsed, problem) = ActivityRules.ParseContent(body);
        if (problem is not null) return Error(problem.Status, "BadArgument", problem.Error);
        var posted = parsed!;

        var accepted = bridge.Accept(conversationId, conversations.UserOf(conversationId) ?? "user", posted);
        var outcome = await bridge.DeliverAsync(accepted, ct);
        if (outcome.Status == TurnStatus.Rejected)
        {
            LogRejected(loggers.CreateLogger("ServiceRecoveryBot.DirectLine"), accepted.Id, outcome.Error);
            return BotRejected(outcome.Error);
        }
        return Results.Json(new ResourceResponse(accepted.Id), ActivityJson.Options);
    }

    private static IResult GetActivities(HttpContext http, string conversationId, string? watermark, DirectLineConversations conversations, DirectLineBridge bridge) =>
        Authorize(http, conversationId, conversations) ?? Results.Json(bridge.Read(conversationId, watermark), ActivityJson.Options);

    private static IResult Refresh(HttpContext http, DirectLineConversations conversations)
    {
        if (BearerToken(http) is not { } presented) return MissingToken();
        if (conversations.Refresh(presented) is not { } fresh) return TokenExpired();
        return Results.Json(conversations.Describe(fresh));
    }

    /// <summary>401 without a bearer token, 403 for an unknown, expired or foreign token, 404 for an unknown conversation; null when allowed.</summary>
    private static IResult? Authorize(HttpContext http, string conversationId, DirectLineConversations conversations)
    {
        if (BearerToken(http) is not { } presented) return MissingToken();
        return conversations.Authorize(presented, conversationId) switch
        {
            DirectLineAccess.Granted => null,
            DirectLineAccess.NotFound => Error(StatusCodes.Status404NotFound, "BadArgument", "Conversation not found."),
            _ => TokenExpired(),
        };
    }

    private static string? BearerToken(HttpContext http) =>
        AuthenticationHeaderValue.TryParse(http.Request.Headers.Authorization.ToString(), out var header)
        && string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
        && header.Parameter is { Length: > 0 } token && !token.Contains(' ', StringComparison.Ordinal)
            ? token
            : null;

    private static async Task<string?> ReadUserIdAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            return body.RootElement.ValueKind == JsonValueKind.Object
                && body.RootElement.TryGetProperty("user", out var user) && user.ValueKind == JsonValueKind.Object
                && user.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } value
                    ? value
                    : null;
        }
        catch (JsonException)
        {
            return null; // an empty or non-JSON body starts a conversation for the default user
        }
    }

    private static ValueTask<object?> LoopbackOnlyAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.Connection.IsFromLoopback() ? next(context) : ValueTask.FromResult<object?>(Results.NotFound());

    private static IResult MissingToken() => Error(StatusCodes.Status401Unauthorized, "BadArgument", "Use Authorization: Bearer <token>.");

    private static IResult TokenExpired() => Error(StatusCodes.Status403Forbidden, "TokenExpired", "The token is unknown or has expired.");

    private static IResult BotRejected(string? why) => Error(StatusCodes.Status502BadGateway, "BotRejectedActivity", why ?? "The bot failed to process the activity.");

    private static IResult Error(int status, string code, string message) => Results.Json(new { error = new { code, message } }, statusCode: status);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "The bot rejected Direct Line activity {ActivityId}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string? activityId, string? reason);

    /// <summary>The page and the Web Chat bundle: from the build output's wwwroot (where the bundle is copied), else the web root.</summary>
    private sealed class WebChatFiles(IFileProvider webRoot)
    {
        public IResult Serve(string name, string contentType)
        {
            var built = Path.Combine(AppContext.BaseDirectory, "wwwroot", name);
            if (File.Exists(built)) return Results.File(built, contentType);
            var file = webRoot.GetFileInfo(name);
            if (file.Exists) return Results.Stream(file.CreateReadStream(), contentType);
            return Results.NotFound($"{name} is missing: run `npm ci` at the repository root and rebuild the bot.");
        }
    }
}
