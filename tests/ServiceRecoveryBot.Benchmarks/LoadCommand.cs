using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ServiceRecoveryBot.Protocol;
using Activity = ServiceRecoveryBot.Protocol.Activity;

namespace ServiceRecoveryBot.Benchmarks;

/// <summary>
/// Runs N conversations at once, each through R whole recoveries, posting to /api/messages of a running bot. A loopback
/// connector receives the replies; latency is measured from the POST to the arrival of the turn's last reply.
/// </summary>
public static class LoadCommand
{
    private static readonly string[] Recovery =
    [
        "Room service to 1207 took 50 minutes and the breakfast arrived cold.", "1", "skip", "regular",
        "Fifty minutes for cold eggs.", "1", "done", "skip", "1", "1", "skip", "ok",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var url = Arg(args, "--url") ?? "http://127.0.0.1:3978";
        var conversations = int.Parse(Arg(args, "--conversations") ?? "50", System.Globalization.CultureInfo.InvariantCulture);
        var recoveries = int.Parse(Arg(args, "--recoveries") ?? "10", System.Globalization.CultureInfo.InvariantCulture);

        var arrivals = new ConcurrentDictionary<string, long>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var connector = builder.Build();
        connector.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (string activityId) =>
        {
            arrivals[activityId] = Stopwatch.GetTimestamp();
            return Results.Json(new { id = "r" }, statusCode: 201);
        });
        await connector.StartAsync();
        var serviceUrl = connector.Urls.First().TrimEnd('/') + "/";

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = conversations * 2 }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
        var latencies = new ConcurrentBag<double>();
        var failures = 0;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, conversations).Select(async c =>
        {
            for (var r = 0; r < recoveries; r++)
            {
                var conversationId = $"load-{Guid.NewGuid():N}";
                foreach (var text in Recovery)
                {
                    var activity = new Activity
                    {
                        Type = ActivityTypes.Message,
                        Id = Guid.NewGuid().ToString("N"),
                        ChannelId = "loadtest",
                        ServiceUrl = serviceUrl,
                        Text = text,
                        From = new ChannelAccount { Id = $"staff-{c}" },
                        Recipient = new ChannelAccount { Id = "bot" },
                        Conversation = new ConversationAccount { Id = conversationId },
                    };
                    var start = Stopwatch.GetTimestamp();
                    using var response = await http.PostAsJsonAsync("/api/messages", activity, ActivityJson.Options);
                    if (!response.IsSuccessStatusCode || !arrivals.TryRemove(activity.Id, out var arrived))
                    {
                        Interlocked.Increment(ref failures);
                        continue;
                    }
                    latencies.Add(Stopwatch.GetElapsedTime(start, arrived).TotalMilliseconds);
                }
            }
        }));
        total.Stop();

        var sorted = latencies.Order().ToArray();
        double P(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        Console.WriteLine($"conversations={conversations} recoveries={recoveries} turns={sorted.Length} failures={failures} seconds={total.Elapsed.TotalSeconds:F1}");
        Console.WriteLine($"turns/s={sorted.Length / total.Elapsed.TotalSeconds:F0} p50={P(0.50):F1}ms p95={P(0.95):F1}ms p99={P(0.99):F1}ms");
        return failures == 0 ? 0 : 1;
    }

    private static string? Arg(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
