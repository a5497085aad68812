using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using ServiceRecoveryBot.Turns;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Channels.BotFramework;

/// <summary>
/// <c>POST /api/messages</c>: parse (400 on a bad body), authenticate (401, nothing processed), run the turn, answer
/// 200 (or the invoke response). Other methods get 405.
/// </summary>
public static partial class MessagesEndpoint
{
    public static IEndpointRouteBuilder MapBotMessages(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", HandleAsync);
        app.MapMethods("/api/messages", ["GET", "PUT", "DELETE", "PATCH"], () => Results.StatusCode(StatusCodes.Status405MethodNotAllowed));
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, IActivityAuthenticator authenticator, TurnProcessor turns, IChannelClient channel, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger("ServiceRecoveryBot.Messages");
        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync<Activity>(http.Request.Body, ActivityJson.Options, ct);
        }
        catch (JsonException)
        {
            return Results.BadRequest(new { error = "The body is not a JSON activity." });
        }
        if (activity is null || string.IsNullOrEmpty(activity.Type))
            return Results.BadRequest(new { error = "The activity has no type." });

        var request = new InboundRequest(http.Request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null, http.Connection.IsFromLoopback());
        var auth = await authenticator.AuthenticateAsync(request, activity, ct);
        if (!auth.Succeeded)
        {
            LogRejected(logger, auth.Failure);
            return Results.Unauthorized();
        }

        activity = Teams.TeamsActivity.Normalize(activity);
        if (activity.Type == ActivityTypes.Invoke && activity.Name == Teams.CardActions.InvokeName)
        {
            var (message, error) = Teams.CardActions.FromInvoke(activity);
            if (error is not null) return Results.Json(error.Body, statusCode: error.Status);
            var clicked = await turns.ProcessAsync(message!, ct);
            return clicked.Status == TurnStatus.Rejected ? Rejection(clicked) : Results.Json(Teams.CardActions.Replaced(message!).Body);
        }

        var outcome = await turns.ProcessAsync(activity, ct);
        if (outcome.Status == TurnStatus.Processed && Teams.CardActions.AnswersCard(activity))
            await channel.UpdateAsync(activity.ServiceUrl ?? "", Teams.CardActions.ReplacedCard(activity), ct);
        if (outcome.Status == TurnStatus.Rejected) return Rejection(outcome);
        if (activity.Type == ActivityTypes.Invoke)
        {
            return outcome.InvokeResponse is { } invoke
                ? Results.Json(invoke.Body, statusCode: invoke.Status)
                : Results.StatusCode(StatusCodes.Status501NotImplemented);
        }
        return Results.Ok();
    }

    /// <summary>503 when the same activity may succeed if sent again (the channel retries), 400 when it never will.</summary>
    private static IResult Rejection(TurnOutcome outcome) =>
        Results.Problem(outcome.Error, statusCode: outcome.Retryable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status400BadRequest);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Rejected an inbound activity: {Reason}")]
    private static partial void LogRejected(ILogger logger, string? reason);
}
