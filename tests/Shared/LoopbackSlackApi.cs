using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ServiceRecoveryBot.Testing;

/// <summary>
/// A real HTTP server on 127.0.0.1 (free port) standing in for Slack's Web API: it answers with the queued responses in
/// order (the last one repeats; recorded ones come from shared/fixtures/slack) and keeps every request.
/// </summary>
internal sealed class LoopbackSlackApi : IAsyncDisposable
{
    private LoopbackHost host = null!;
    private readonly ConcurrentQueue<SlackApiResponse> queue = new();
    private readonly ConcurrentDictionary<string, SlackApiResponse> byMethod = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task> holds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<SlackApiRequest>> firstCalls = new(StringComparer.Ordinal);
    private SlackApiResponse? last;
    private readonly SemaphoreSlim arrived = new(0);

    public ConcurrentQueue<SlackApiRequest> Requests { get; } = new();

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<LoopbackSlackApi> StartAsync()
    {
        var api = new LoopbackSlackApi();
        api.host = await LoopbackHost.StartAsync(app => app.Run(api.HandleAsync));
        api.BaseUrl = new Uri(api.host.Address, "api/");
        return api;
    }

    /// <summary>Answers the next call with a recorded fixture (HTTP 200, as Slack sends ok:false errors too).</summary>
    public LoopbackSlackApi RespondWithFixture(string fixture) => Respond(200, File.ReadAllText(Fixture(fixture)));

    public LoopbackSlackApi Respond(int status, string body, string? retryAfter = null)
    {
        queue.Enqueue(new SlackApiResponse(status, body, retryAfter));
        return this;
    }

    /// <summary>Answers every call of one Web API method (e.g. <c>users.info</c>) with this body, whatever is queued.</summary>
    public LoopbackSlackApi RespondTo(string method, string body)
    {
        byMethod[method] = new SlackApiResponse(200, body, null);
        return this;
    }

    /// <summary>Answers calls of <paramref name="method"/> only once <paramref name="release"/> completes (a slow Slack).</summary>
    public LoopbackSlackApi Hold(string method, Task release)
    {
        holds[method] = release;
        return this;
    }

    /// <summary>Completes with the first request to <paramref name="method"/>, when it arrives.</summary>
    public Task<SlackApiRequest> FirstCallTo(string method) =>
        firstCalls.GetOrAdd(method, _ => new TaskCompletionSource<SlackApiRequest>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>The first request to <paramref name="method"/> that matches, waiting for it up to <paramref name="timeout"/> (each arrival wakes the check).</summary>
    public async Task<SlackApiRequest> WaitForAsync(string method, Func<SlackApiRequest, bool> match, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            if (To(method).FirstOrDefault(match) is { } found) return found;
            await arrived.WaitAsync(deadline.Token);
        }
    }

    /// <summary>The requests to one Web API method, in order.</summary>
    public IReadOnlyList<SlackApiRequest> To(string method) => [.. Requests.Where(r => r.Path.EndsWith("/" + method, StringComparison.Ordinal))];

    public LoopbackSlackApi RespondWithError(string error) => Respond(200, JsonSerializer.Serialize(new { ok = false, error }));

    public static string Fixture(string fixture) => SharedFixtures.Fixture("slack", fixture);

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var request = new SlackApiRequest(
            Stopwatch.GetTimestamp(), context.Request.Method, context.Request.Path.Value ?? string.Empty,
            context.Request.Headers.Authorization.ToString(), context.Request.ContentType ?? string.Empty,
            await reader.ReadToEndAsync(context.RequestAborted), context.Request.QueryString.Value ?? string.Empty);
        Requests.Enqueue(request);
        arrived.Release();
        var method = request.Path.Split('/')[^1];
        firstCalls.GetOrAdd(method, _ => new TaskCompletionSource<SlackApiRequest>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(request);
        if (holds.TryGetValue(method, out var release)) await release.WaitAsync(context.RequestAborted);

        var response = byMethod.TryGetValue(context.Request.Path.Value?.Split('/')[^1] ?? "", out var fixedAnswer) ? fixedAnswer
            : queue.TryDequeue(out var next) ? last = next : last ?? new SlackApiResponse(500, "{}", null);
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = "application/json; charset=utf-8";
        if (response.RetryAfter is not null) context.Response.Headers.RetryAfter = response.RetryAfter;
        await context.Response.WriteAsync(response.Body, context.RequestAborted);
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();

    private sealed record SlackApiResponse(int Status, string Body, string? RetryAfter);
}

internal sealed record SlackApiRequest(long ReceivedAt, string Method, string Path, string Authorization, string ContentType, string Body, string Query = "")
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public JsonElement[] Blocks => Json.TryGetProperty("blocks", out var blocks) ? [.. blocks.EnumerateArray()] : [];

    public JsonElement[] Buttons => [.. Blocks.Where(b => b.GetProperty("type").GetString() == "actions").SelectMany(b => b.GetProperty("elements").EnumerateArray())];
}
