using System.Net;
using System.Net.Http.Json;
using System.Text;
using ServiceRecoveryBot.IntegrationTests.Infrastructure;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.IntegrationTests.Http;

[Collection(AzuriteCollection.Name)]
public sealed class MessagesEndpointTests(AzuriteFixture azurite) : BotHostTest(azurite)
{

    [Fact]
    public async Task Reply_goes_to_the_escaped_reply_to_activity_url_of_the_service_url()
    {
        var client = new BotClient(Http, Connector, "a:1xH4;messageid=17@thread|x");
        var activity = client.Message("help");
        var response = await client.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(Connector.Received);
        Assert.Equal($"/amer/tenant-1/v3/conversations/{Uri.EscapeDataString("a:1xH4;messageid=17@thread|x")}/activities/{Uri.EscapeDataString(activity.Id!)}", reply.RawPath);
        Assert.Equal("28:bot", reply.Activity.From?.Id);
        Assert.Equal("29:staff-1", reply.Activity.Recipient?.Id);
        Assert.Equal(activity.Id, reply.Activity.ReplyToId);
        Assert.Null(reply.Activity.ServiceUrl);
        Assert.Null(reply.Activity.Timestamp);
    }

    [Fact]
    public async Task A_body_without_a_type_is_rejected_with_400()
    {
        var response = await Http.PostAsync("/api/messages", new StringContent("{\"text\":\"hi\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Connector.Received);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_rejected_with_400()
    {
        var response = await Http.PostAsync("/api/messages", new StringContent("not json", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_message_without_a_conversation_is_rejected_with_400_and_sends_nothing()
    {
        var client = new BotClient(Http, Connector, "conv-none");
        var response = await client.PostAsync(client.Message("help") with { Conversation = null });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no conversation id", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(Connector.Received);
    }

    [Fact]
    public async Task A_card_click_that_can_never_succeed_is_rejected_with_400_not_a_retryable_503()
    {
        var client = new BotClient(Http, Connector, "conv-none");
        var click = client.Message("") with
        {
            Type = ActivityTypes.Invoke,
            Name = "adaptiveCard/action",
            Text = null,
            Conversation = null,
            Value = System.Text.Json.JsonSerializer.SerializeToElement(new { action = new { type = "Action.Execute", data = new { answer = "yes" } } }),
        };

        var response = await client.PostAsync(click);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Connector.Received);
    }

    [Fact]
    public async Task Get_on_the_messages_endpoint_is_405()
    {
        var response = await Http.GetAsync("/api/messages");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_activity_type_is_acknowledged_and_sends_nothing()
    {
        var client = new BotClient(Http, Connector, "conv-unknown");
        var response = await client.PostAsync(client.Message("x") with { Type = "somethingNew" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Connector.Received);
    }

    [Fact]
    public async Task A_token_is_refused_when_no_app_id_is_configured()
    {
        var client = new BotClient(Http, Connector, "conv-token");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(client.Message("help"), options: ActivityJson.Options) };
        request.Headers.Authorization = new("Bearer", "eyJhbGciOiJub25lIn0.e30.");
        var response = await Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(Connector.Received);
    }

    [Fact]
    public async Task Unauthenticated_activity_naming_a_non_loopback_service_url_is_refused()
    {
        var client = new BotClient(Http, Connector, "conv-remote");
        var response = await client.PostAsync(client.Message("help") with { ServiceUrl = "https://smba.trafficmanager.net/amer/" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(Connector.Received);
    }

    [Fact]
    public async Task Redelivered_activity_is_processed_once()
    {
        var client = new BotClient(Http, Connector, "conv-redelivery");
        var activity = client.Message("help");
        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.PostAsync(activity)));
        await client.PostAsync(activity);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(client.RepliesTo(activity.Id!));
    }

    [Fact]
    public async Task Twenty_concurrent_turns_on_one_conversation_lose_nothing_and_send_no_duplicate_reply()
    {
        var client = new BotClient(Http, Connector, "conv-race");
        var activities = Enumerable.Range(0, 20).Select(_ => client.Message("help")).ToList();

        var responses = await Task.WhenAll(activities.Select(client.PostAsync));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(activities, a => Assert.Single(client.RepliesTo(a.Id!)));
        Assert.Equal(20, Connector.Received.Count(r => r.Activity.Type == ActivityTypes.Message));
    }

    [Fact]
    public async Task A_whole_recovery_over_http_is_stored_in_table_storage()
    {
        var client = new BotClient(Http, Connector, "conv-http-recovery");
        var opened = await client.SayAsync("Guest in 412: room smells of smoke, non-smoking booking. \"My daughter has asthma\"");
        var caseId = Recovery.Cases.CaseId.TryParse(opened[0].Split(' ')[1])!.Value;
        foreach (var answer in new[] { "1", "regular", "1", "done", "skip", "1", "skip", "skip", "ok" })
            Assert.NotEmpty(await client.SayAsync(answer));

        var stored = await Factory.Services.GetRequiredService<Recovery.Cases.ICaseStore>().FindAsync("msteams:tenant-none", caseId, CancellationToken.None)
            ?? await Factory.Services.GetRequiredService<Recovery.Cases.ICaseStore>().FindAsync("local", caseId, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(Recovery.Cases.CaseStatus.AwaitingFollowUp, stored.Status);
        var timeline = await Factory.Services.GetRequiredService<Recovery.Cases.ICaseStore>().TimelineAsync(stored.TeamKey, caseId, CancellationToken.None);
        Assert.Equal(stored.Timeline.Count, timeline.Count);
        Assert.Contains(timeline, e => e.Step == Recovery.Cases.CaseStep.Apologised);
    }
}
