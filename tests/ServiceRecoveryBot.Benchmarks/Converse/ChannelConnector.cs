using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ServiceRecoveryBot.Benchmarks.Converse;

/// <summary>
/// The channel's side of the Bot Framework connector on a loopback port: takes the bot's replyToActivity,
/// sendToConversation and updateActivity calls for any conversation and hands each message to that conversation's inbox
/// with its arrival time. Answers what a connector answers (<c>{"id": ...}</c>), so any bot can talk to it.
/// </summary>
public sealed class ChannelConnector : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Channel<Arrival>> inboxes = new(StringComparer.Ordinal);
    private readonly WebApplication app;
    private long ids;
    private int stray;

    private ChannelConnector(WebApplication app) => this.app = app;

    public string ServiceUrl { get; private set; } = "";

    /// <summary>Messages for conversations nobody is listening to (an earlier run's, or a proactive one).</summary>
    public int Stray => Volatile.Read(ref stray);

    public static async Task<ChannelConnector> StartAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var connector = new ChannelConnector(builder.Build());
        connector.app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, HttpRequest request) => connector.ReceiveAsync(conversationId, request));
        connector.app.MapPost("/v3/conversations/{conversationId}/activities", (string conversationId, HttpRequest request) => connector.ReceiveAsync(conversationId, request));
        connector.app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (string activityId) => Results.Json(new { id = activityId }));
        connector.app.MapPost("/v3/conversations", () => Results.Json(new { id = $"created-{Interlocked.Increment(ref connector.ids)}" }, statusCode: 201));
        connector.app.MapFallback(() => Results.Json(new { }));
        await connector.app.StartAsync(ct);
        connector.ServiceUrl = connector.app.Urls.First().TrimEnd('/') + "/";
        return connector;
    }

    /// <summary>The inbox of a conversation from now on; <see cref="Close"/> it when the conversation is over.</summary>
    public ChannelReader<Arrival> Open(string conversationId)
    {
        var inbox = Channel.CreateUnbounded<Arrival>(new UnboundedChannelOptions { SingleReader = true });
        inboxes[conversationId] = inbox;
        return inbox.Reader;
    }

    public void Close(string conversationId) => inboxes.TryRemove(conversationId, out _);

    private async Task<IResult> ReceiveAsync(string conversationId, HttpRequest request)
    {
        var activity = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted) as JsonObject;
        var at = Stopwatch.GetTimestamp();
        if (activity is null) return Results.BadRequest();
        if (inboxes.TryGetValue(conversationId, out var inbox)) inbox.Writer.TryWrite(new Arrival(activity, at));
        else Interlocked.Increment(ref stray);
        return Results.Json(new { id = $"r{Interlocked.Increment(ref ids)}" }, statusCode: 201);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}

/// <summary>An activity the bot sent, and when it reached the connector (<see cref="Stopwatch"/> ticks).</summary>
public sealed record Arrival(JsonObject Activity, long At);
