using System.Collections.Concurrent;
using Stopwatch = System.Diagnostics.Stopwatch;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ServiceRecoveryBot.IntegrationTests.Infrastructure;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Testing;

namespace ServiceRecoveryBot.IntegrationTests.Http;

/// <summary>
/// The inbound request answers within the channel's deadline whatever the connector does (Teams gives up after 15 s
/// and sends the activity again): through the real host, with a connector on loopback that throttles, is gone, or
/// answers an error of a shape nobody documented. The replies still go, in the background, honouring Retry-After.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SlowConnectorTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);
    private static readonly Dictionary<string, string?> QuickAck = new() { ["Messages:AckBudget"] = "00:00:00.300" };

    [Fact]
    public async Task A_throttled_reply_is_sent_after_its_Retry_After_while_the_request_was_answered_at_once()
    {
        var sent = new ConcurrentQueue<(TimeSpan At, int Status)>();
        var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = Stopwatch.StartNew();
        await using var connector = await LoopbackHost.StartAsync(app => app.MapPost("/v3/conversations/{c}/activities/{a?}", async (HttpContext http) =>
        {
            var activity = await JsonSerializer.DeserializeAsync<Activity>(http.Request.Body, ActivityJson.Options);
            if (activity?.Type != ActivityTypes.Message) return Results.Json(new { id = "typing" }, statusCode: 201);
            if (sent.IsEmpty)
            {
                sent.Enqueue((clock.Elapsed, 429));
                http.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Results.StatusCode(429);
            }
            sent.Enqueue((clock.Elapsed, 201));
            delivered.TrySetResult();
            return Results.Json(new { id = "reply-1" }, statusCode: 201);
        }));
        await using var bot = new BotFactory(azurite, AzuriteFixture.NewTablePrefix(), QuickAck);
        using var http = bot.CreateClient();

        var started = clock.Elapsed;
        var response = await PostAsync(http, connector.Address.AbsoluteUri, "a:throttled");
        var answeredAfter = clock.Elapsed - started;
        await delivered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(answeredAfter < RetryAfter, $"The request was answered after {answeredAfter}, not before the Retry-After of {RetryAfter}.");
        var attempts = sent.ToList();
        Assert.Equal([429, 201], attempts.Select(a => a.Status));
        Assert.True(attempts[1].At - attempts[0].At >= RetryAfter - TimeSpan.FromMilliseconds(100), $"Sent again {attempts[1].At - attempts[0].At} after the 429.");
    }

    [Fact]
    public async Task A_dead_connector_does_not_hold_the_request()
    {
        var gone = await LoopbackHost.StartAsync(_ => { });
        var serviceUrl = gone.Address.AbsoluteUri;
        await gone.DisposeAsync(); // nothing listens there now
        await using var bot = new BotFactory(azurite, AzuriteFixture.NewTablePrefix(), QuickAck);
        using var http = bot.CreateClient();
        _ = bot.Services; // started before the clock runs

        var clock = Stopwatch.StartNew();
        var response = await PostAsync(http, serviceUrl, "a:dead-connector");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"The request was held {clock.Elapsed}.");
    }

    [Theory]
    [InlineData("{\"error\":\"boom\"}")]
    [InlineData("{\"error\":{\"code\":17}}")]
    [InlineData("[1,2]")]
    [InlineData("<html>bad gateway</html>")]
    public async Task A_connector_error_body_of_an_unexpected_shape_is_a_failed_send_not_a_500(string body)
    {
        await using var connector = await LoopbackHost.StartAsync(app => app.MapPost("/v3/conversations/{c}/activities/{a?}",
            () => Results.Text(body, "application/json", statusCode: 400)));
        await using var bot = new BotFactory(azurite, AzuriteFixture.NewTablePrefix());
        using var http = bot.CreateClient();

        var response = await PostAsync(http, connector.Address.AbsoluteUri, "a:odd-error-" + body.Length);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string serviceUrl, string conversationId) =>
        http.PostAsync("/api/messages", HostileActivities.Content(ActivityJson.Serialize(new Activity
        {
            Type = ActivityTypes.Message,
            Id = Guid.NewGuid().ToString("N"),
            ChannelId = "msteams",
            ServiceUrl = serviceUrl,
            Text = "help",
            From = new ChannelAccount { Id = "29:staff-1", Name = "Sam" },
            Recipient = new ChannelAccount { Id = "28:bot", Name = "ServiceRecoveryBot" },
            Conversation = new ConversationAccount { Id = conversationId, ConversationType = "personal" },
        })));
}
