using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ServiceRecoveryBot.Testing;

namespace ServiceRecoveryBot.Tests.Sentiment;

/// <summary>
/// A real HTTP server on 127.0.0.1 (free port) that answers Azure AI Language calls with recorded responses from
/// shared/fixtures/azure-language, in the order they were queued (the last one repeats), and keeps every request.
/// </summary>
internal sealed class LoopbackLanguageServer : IAsyncDisposable
{
    private LoopbackHost _host = null!;
    private readonly ConcurrentQueue<Func<CapturedRequest, Task<RecordedResponse>>> _queue = new();
    private Func<CapturedRequest, Task<RecordedResponse>>? _last;

    public ConcurrentQueue<CapturedRequest> Requests { get; } = new();

    public Uri Endpoint { get; private set; } = null!;

    public static async Task<LoopbackLanguageServer> StartAsync()
    {
        var server = new LoopbackLanguageServer();
        server._host = await LoopbackHost.StartAsync(app => app.Run(server.HandleAsync));
        server.Endpoint = server._host.Address;
        return server;
    }

    /// <summary>Queues the recorded response of a fixture file (e.g. "04-document-errors-empty-text-and-bad-language.json").</summary>
    public LoopbackLanguageServer Respond(string fixture, Func<string, string>? adapt = null)
    {
        var recorded = RecordedResponse.FromFixture(fixture);
        if (adapt is not null)
        {
            recorded = recorded with { Body = adapt(recorded.Body) };
        }

        _queue.Enqueue(_ => Task.FromResult(recorded));
        return this;
    }

    public LoopbackLanguageServer Respond(Func<CapturedRequest, RecordedResponse> responder)
    {
        _queue.Enqueue(request => Task.FromResult(responder(request)));
        return this;
    }

    /// <summary>Holds the response until <paramref name="gate"/> completes (a service that does not answer in time).</summary>
    public LoopbackLanguageServer RespondAfter(Task gate, string fixture)
    {
        var recorded = RecordedResponse.FromFixture(fixture);
        _queue.Enqueue(async _ =>
        {
            await gate;
            return recorded;
        });
        return this;
    }

    public static JsonElement Fixture(string fixture) =>
        JsonDocument.Parse(File.ReadAllText(SentimentTestPaths.Fixture("azure-language", fixture))).RootElement;

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var captured = new CapturedRequest(
            context.Request.Method, context.Request.Path.Value ?? string.Empty, context.Request.QueryString.Value ?? string.Empty,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            await reader.ReadToEndAsync(context.RequestAborted));
        Requests.Enqueue(captured);

        var responder = _queue.TryDequeue(out var next) ? _last = next : _last;
        var response = responder is null ? new RecordedResponse(500, new Dictionary<string, string>(), "{}") : await responder(captured).WaitAsync(context.RequestAborted);
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.WriteAsync(response.Body, context.RequestAborted);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}

internal sealed record CapturedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public JsonElement[] Documents => [.. Json.GetProperty("analysisInput").GetProperty("documents").EnumerateArray()];
}

internal sealed record RecordedResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    private static readonly string[] Kept = ["Retry-After", "apim-request-id", "Content-Type", "csp-billing-usage"];

    public static RecordedResponse FromFixture(string fixture)
    {
        var response = LoopbackLanguageServer.Fixture(fixture).GetProperty("response");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.GetProperty("headers").EnumerateObject())
        {
            if (Kept.Contains(header.Name, StringComparer.OrdinalIgnoreCase))
            {
                headers[header.Name] = header.Value.GetString() ?? string.Empty;
            }
        }

        string body = response.TryGetProperty("rawBody", out var raw) ? raw.GetString()! : JsonSerializer.Serialize(response.GetProperty("body"));
        return new RecordedResponse(response.GetProperty("statusCode").GetInt32(), headers, body);
    }
}
