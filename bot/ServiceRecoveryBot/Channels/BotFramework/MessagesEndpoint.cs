using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceRecoveryBot.Channels.Local;
using ServiceRecoveryBot.Channels.Slack;
using ServiceRecoveryBot.Turns;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Channels.BotFramework;

/// <summary>
/// <c>POST /api/messages</c>: read (413 over 1 MB), parse and check (<see cref="ActivityRules"/>: 400 with the reason),
/// refuse what claims Slack or the local channel's serviceUrl, authenticate (401, nothing processed), run the turn, answer 200 (or the invoke response) once it ran or once
/// <see cref="MessagesOptions.AckBudget"/> passed (the turn and its sends go on). Other methods get 405.
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
        HttpContext http, IActivityAuthenticator authenticator, TurnProcessor turns, IChannelClient channel, LocalChannel local,
        IOptions<MessagesOptions> options, IHostApplicationLifetime lifetime, TimeProvider clock, ILoggerFactory loggers, CancellationToken ct)
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
        var budget = options.Value.AckBudget;
        if (Teams.MessageActions.MessageActionInvoke.IsMessageAction(activity))
        {
            var answer = await http.RequestServices.GetRequiredService<Teams.MessageActions.MessageActionHandler>().HandleAsync(activity, budget, clock, ct);
            return Results.Json(answer.Body, statusCode: answer.Status);
        }
        if (activity.Type == ActivityTypes.Invoke && activity.Name == Teams.CardActions.InvokeName)
        {
            var (message, error) = Teams.CardActions.FromInvoke(activity);
            if (error is not null) return Results.Json(error.Body, statusCode: error.Status);
            var clicked = await WithinAsync(Run(turns, message!, lifetime, logger), budget, clock);
            // The turn's own card when it gave one in time, else the clicked card marked done.
            return clicked is { Status: TurnStatus.Rejected } ? Rejection(clicked) : Results.Json((clicked?.InvokeResponse ?? Teams.CardActions.Replaced(message!)).Body);
        }

        var run = Run(turns, activity, lifetime, logger, after: async outcome =>
        {
            if (outcome.Status == TurnStatus.Processed && Teams.CardActions.AnswersCard(activity))
                await channel.UpdateAsync(activity.ServiceUrl ?? "", Teams.CardActions.ReplacedCard(activity), lifetime.ApplicationStopping);
        });
        if (activity.Type == ActivityTypes.Invoke)
        {
            // An invoke's answer is the turn's own: wait for it.
            var invoked = await run.WaitAsync(ct);
            if (invoked.Status == TurnStatus.Rejected) return Rejection(invoked);
            return invoked.InvokeResponse is { } invoke
                ? Results.Json(invoke.Body, statusCode: invoke.Status)
                : Results.StatusCode(StatusCodes.Status501NotImplemented);
        }
        var outcome = await WithinAsync(run, budget, clock);
        return outcome is { Status: TurnStatus.Rejected } ? Rejection(outcome) : Results.Ok();
    }

    /// <summary>The turn on the bot's lifetime, not the request's, so its sends go on after the answer; a failure is logged and answered as retryable.</summary>
    private static Task<TurnOutcome> Run(TurnProcessor turns, Activity activity, IHostApplicationLifetime lifetime, ILogger logger, Func<TurnOutcome, Task>? after = null) =>
        Task.Run(async () =>
        {
            var ct = lifetime.ApplicationStopping;
            try
            {
                var outcome = await turns.ProcessAsync(activity, ct);
                if (after is not null) await after(outcome);
                return outcome;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return TurnOutcome.Rejected("The bot is stopping; send it again.", retryable: true);
            }
            catch (Exception ex)
            {
                LogFailed(logger, ex);
                return TurnOutcome.Rejected("The turn failed; send it again.", retryable: true);
            }
        }, CancellationToken.None);

    /// <summary>The outcome if the turn ends within <paramref name="budget"/>, otherwise null (it goes on).</summary>
    private static async Task<TurnOutcome?> WithinAsync(Task<TurnOutcome> run, TimeSpan budget, TimeProvider clock)
    {
        try
        {
            return await run.WaitAsync(budget, clock);
        }
        catch (TimeoutException)
        {
            return null;
        }
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

    [LoggerMessage(EventId = 1103, Level = LogLevel.Error, Message = "A turn failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
