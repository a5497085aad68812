using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.IntegrationTests.Infrastructure;

/// <summary>A Bot Connector stand-in on a free loopback port: records every activity the bot sends and answers like Teams.</summary>
public sealed class LoopbackConnector : IAsyncDisposable
{
    private readonly WebApplication app;

    private LoopbackConnector(WebApplication app) => this.app = app;

    public ConcurrentQueue<ReceivedActivity> Received { get; } = new();

    /// <summary>Activities the bot replaced (PUT), e.g. cards whose buttons were used.</summary>
    public ConcurrentQueue<ReceivedActivity> Updated { get; } = new();

    /// <summary>The serviceUrl to put on inbound activities (with a tenant path segment, like Teams' new URLs).</summary>
    public string ServiceUrl { get; private set; } = "";

    public static async Task<LoopbackConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new LoopbackConnector(app);
        app.MapPost("/amer/tenant-1/v3/conversations/{conversationId}/activities/{activityId?}", async (HttpContext http, string conversationId, string? activityId) =>
        {
            var activity = await JsonSerializer.DeserializeAsync<Activity>(http.Request.Body, ActivityJson.Options);
            var raw = http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? http.Request.Path;
            connector.Received.Enqueue(new ReceivedActivity(raw, conversationId, activityId, activity!));
            return Results.Json(new { id = "reply-" + Guid.NewGuid().ToString("N")[..8] }, statusCode: 201);
        });
        app.MapPut("/amer/tenant-1/v3/conversations/{conversationId}/activities/{activityId}", async (HttpContext http, string conversationId, string activityId) =>
        {
            var activity = await JsonSerializer.DeserializeAsync<Activity>(http.Request.Body, ActivityJson.Options);
            connector.Updated.Enqueue(new ReceivedActivity(http.Request.Path, conversationId, activityId, activity!));
            return Results.Json(new { id = activityId });
        });
        await app.StartAsync();
        connector.ServiceUrl = app.Urls.First().TrimEnd('/') + "/amer/tenant-1/";
        return connector;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

public sealed record ReceivedActivity(string RawPath, string ConversationId, string? ReplyToId, Activity Activity);
