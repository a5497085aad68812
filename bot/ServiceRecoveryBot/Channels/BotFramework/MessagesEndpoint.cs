using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using ServiceRecoveryBot.Channels.Local;
using ServiceRecoveryBot.Channels.Slack;
using ServiceRecoveryBot.Turns;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Channels.BotFramework;

/// <summary>
/// <c>POST /api/messages</c>: read (413 over 1 MB), parse and check (<see cref="ActivityRules"/>: 400 with the reason),
/// refuse what claims Slack or the local channel's serviceUrl, authenticate (401, nothing processed), run the turn, answer
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

    private static async Task<IResult> HandleAsync(
        HttpContext http, IActivityAuthenticator authenticator, TurnProcessor turns, IChannelClient channel, LocalChannel local, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger("ServiceRecoveryBot.Messages");
        if (await BoundedBody.ReadAsync(http.Request, ActivityRules.MaxBodyBytes, ct) is not { } body)
            return Refuse(logger, ActivityProblem.TooLarge($"The body is over {ActivityRules.MaxBodyBytes} bytes."));
        var (parsed, problem) = ActivityRules.Parse(body);
        if (problem is not null) return Refuse(logger, problem);
        var activity = parsed!;
        if (string.Equals(activity.ChannelId, SlackOptions.ChannelId, StringComparison.OrdinalIgnoreCase))
            return Refuse(logger, ActivityProblem.Bad("Slack activities come only through the Slack endpoints, which check Slack's signature."));
        if (local.Owns(activity.ServiceUrl ?? ""))
            return Refuse(logger, ActivityProblem.Bad("That serviceUrl belongs to the bot's own local channel."));

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
            return clicked.Status == TurnStatus.Rejected ? Rejection(clicked) : Results.Json((clicked.InvokeResponse ?? Teams.CardActions.Replaced(message!)).Body);
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

    private static IResult Refuse(ILogger logger, ActivityProblem problem)
    {
        LogRefused(logger, problem.Status, problem.Error);
        return Results.Json(new { error = problem.Error }, statusCode: problem.Status);
    }

    /// <summary>503 when the same activity may succeed if sent again (the channel retries), 400 when it never will.</summary>
    private static IResult Rejection(TurnOutcome outcome) =>
        Results.Problem(outcome.Error, statusCode: outcome.Retryable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status400BadRequest);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Rejected an inbound activity: {Reason}")]
    private static partial void LogRejected(ILogger logger, string? reason);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Refused an inbound request with {Status}: {Reason}")]
    private static partial void LogRefused(ILogger logger, int status, string reason);
}
