using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Testing;

namespace ServiceRecoveryBot.IntegrationTests.Infrastructure;

/// <summary>A Bot Connector stand-in on a free loopback port: records every activity the bot sends and answers like Teams.</summary>
public sealed class LoopbackConnector : IAsyncDisposable
{
    private LoopbackHost host = null!;
    private Task answerAfter = Task.CompletedTask;
    private readonly SemaphoreSlim arrived = new(0);

    public ConcurrentQueue<ReceivedActivity> Received { get; } = new();

    /// <summary>Activities the bot replaced (PUT), e.g. cards whose buttons were used.</summary>
    public ConcurrentQueue<ReceivedActivity> Updated { get; } = new();

    /// <summary>While set, messages are answered with this status and kept in <see cref="Refused"/>, not received.</summary>
    public int? RefuseMessagesWith { get; set; }

    public ConcurrentQueue<ReceivedActivity> Refused { get; } = new();

    /// <summary>
    /// While set, a message is never answered (as a bot that dies mid-send sees it): the source hears of the first one,
    /// and the request waits until the bot gives up on it. Nothing held is received.
    /// </summary>
    public TaskCompletionSource<Activity>? HoldMessages { get; set; }

    /// <summary>
    /// Conversations that are gone, with the answer a send to them gets: 404, or 403 with Teams' error code
    /// (<c>BotNotInConversationRoster</c>: the bot was removed). Sends to them are not recorded.
    /// </summary>
    public ConcurrentDictionary<string, int> Gone { get; } = new();

    /// <summary>The serviceUrl to put on inbound activities (with a tenant path segment, like Teams' new URLs).</summary>
    public string ServiceUrl { get; private set; } = "";

    public static async Task<LoopbackConnector> StartAsync()
    {
        var connector = new LoopbackConnector();
        connector.host = await LoopbackHost.StartAsync(app => connector.Map(app));
        connector.ServiceUrl = connector.host.Address.AbsoluteUri.TrimEnd('/') + "/amer/tenant-1/";
        return connector;
    }

    private void Map(WebApplication app)
    {
        app.MapPost("/amer/tenant-1/v3/conversations/{conversationId}/activities/{activityId?}", async (HttpContext http, string conversationId, string? activityId) =>
        {
            var activity = await JsonSerializer.DeserializeAsync<Activity>(http.Request.Body, ActivityJson.Options);
            if (Gone.TryGetValue(conversationId, out var goneWith))
                return goneWith == 403
                    ? Results.Json(new { error = new { code = "BotNotInConversationRoster", message = "The bot is not part of the conversation roster." } }, statusCode: 403)
                    : Results.Json(new { error = new { code = "ConversationNotFound", message = "Conversation not found." } }, statusCode: 404);
            var raw = http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? http.Request.Path;
            await answerAfter.WaitAsync(http.RequestAborted);
            var received = new ReceivedActivity(raw, conversationId, activityId, activity!);
            if (activity!.Type == ActivityTypes.Message && HoldMessages is { } hold)
            {
                hold.TrySetResult(activity);
                using var gone = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, app.Lifetime.ApplicationStopping);
                await Task.Delay(Timeout.Infinite, gone.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                return Results.StatusCode(504);
            }
            if (activity.Type == ActivityTypes.Message && RefuseMessagesWith is { } status)
            {
                Refused.Enqueue(received);
                return Results.StatusCode(status);
            }
            Received.Enqueue(received);
            arrived.Release();
            return Results.Json(new { id = "reply-" + Guid.NewGuid().ToString("N")[..8] }, statusCode: 201);
        });
        app.MapPut("/amer/tenant-1/v3/conversations/{conversationId}/activities/{activityId}", async (HttpContext http, string conversationId, string activityId) =>
        {
            var activity = await JsonSerializer.DeserializeAsync<Activity>(http.Request.Body, ActivityJson.Options);
            Updated.Enqueue(new ReceivedActivity(http.Request.Path, conversationId, activityId, activity!));
            return Results.Json(new { id = activityId });
        });
    }

    /// <summary>Posts are answered (and recorded) only once <paramref name="release"/> completes: a slow Connector.</summary>
    public void Hold(Task release) => answerAfter = release;

    /// <summary>The first recorded post that matches, waiting for it up to <paramref name="timeout"/> (each arrival wakes the check).</summary>
    public async Task<ReceivedActivity> WaitForAsync(Func<ReceivedActivity, bool> match, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            if (Received.FirstOrDefault(match) is { } found) return found;
            await arrived.WaitAsync(deadline.Token);
        }
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();
}

public sealed record ReceivedActivity(string RawPath, string ConversationId, string? ReplyToId, Activity Activity);
