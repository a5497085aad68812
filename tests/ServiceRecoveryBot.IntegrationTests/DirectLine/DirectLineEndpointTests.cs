using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using ServiceRecoveryBot.IntegrationTests.Infrastructure;

namespace ServiceRecoveryBot.IntegrationTests.DirectLine;

/// <summary>The Direct Line checklist (bot-framework-protocol.md, section 7) against the real host and Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DirectLineEndpointTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private BotFactory factory = null!;
    private HttpClient http = null!;
    private DirectLineClient client = null!;

    public Task InitializeAsync()
    {
        factory = new BotFactory(azurite, AzuriteFixture.NewTablePrefix());
        http = factory.CreateClient();
        client = new DirectLineClient(http);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await factory.DisposeAsync();
    }

    [Fact]
    public async Task Start_answers_201_with_a_conversation_id_a_token_and_an_expiry_but_no_stream_url()
    {
        var response = await client.StartAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("conversationId").GetString()));
        Assert.True(body.RootElement.GetProperty("token").GetString()!.Length >= 32);
        Assert.Equal(1800, body.RootElement.GetProperty("expires_in").GetInt32());
        Assert.False(body.RootElement.TryGetProperty("streamUrl", out _));
    }

    [Fact]
    public async Task Starting_again_with_the_token_answers_200_for_the_same_conversation_without_a_second_greeting()
    {
        await client.StartAsync();

        var again = await client.SendAsync(HttpMethod.Post, DirectLineClient.Prefix + "/conversations", client.Token, new StringContent("{}"));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using var body = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
        Assert.Equal(client.ConversationId, body.RootElement.GetProperty("conversationId").GetString());
        Assert.Single(await client.PollAsync());
    }

    [Fact]
    public async Task The_bot_greets_when_the_conversation_starts()
    {
        await client.StartAsync();

        var greeting = Assert.Single(await client.PollAsync());
        Assert.Equal("message", greeting.GetProperty("type").GetString());
        Assert.Contains("ServiceRecoveryBot", greeting.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("directline", greeting.GetProperty("channelId").GetString());
        Assert.Equal(client.ConversationId, greeting.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Equal("0", client.Watermark);
    }

    [Fact]
    public async Task A_posted_activity_is_echoed_with_its_client_activity_id_an_id_and_a_timestamp()
    {
        await client.StartAsync();
        await client.PollAsync();

        var post = await client.PostAsync(DirectLineClient.WebChatMessage("client-42", text: "help"));

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        using var posted = JsonDocument.Parse(await post.Content.ReadAsStringAsync());
        var id = posted.RootElement.GetProperty("id").GetString();
        Assert.Equal(client.ConversationId + "|0000001", id);

        var echo = (await client.PollAsync())[0];
        Assert.Equal(id, echo.GetProperty("id").GetString());
        Assert.True(echo.TryGetProperty("timestamp", out var timestamp) && timestamp.GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal("client-42", echo.GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal("[1,2]", echo.GetProperty("channelData").GetProperty("custom").GetProperty("nested").GetRawText());
        Assert.Equal("user", echo.GetProperty("from").GetProperty("role").GetString());
        Assert.Equal("directline", echo.GetProperty("channelId").GetString());
        Assert.Equal(client.ConversationId, echo.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Equal("Europe/Paris", echo.GetProperty("localTimezone").GetString());
        Assert.Equal("ClientCapabilities", echo.GetProperty("entities")[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task The_bot_reply_follows_the_echo_and_the_watermark_increases()
    {
        await client.StartAsync();
        await client.PollAsync();
        var before = int.Parse(client.Watermark!, System.Globalization.CultureInfo.InvariantCulture);

        await client.PostAsync(DirectLineClient.WebChatMessage("client-1", text: "help"));
        var page = await client.PollAsync();

        Assert.True(page.Count >= 2);
        Assert.Equal("client-1", page[0].GetProperty("channelData").GetProperty("clientActivityID").GetString());
        // A turn slower than the typing delay sends a typing indicator first: the reply is the first message after the echo.
        var reply = page.Skip(1).First(a => a.GetProperty("type").GetString() == "message");
        Assert.Equal("service-recovery-bot", reply.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal(page[0].GetProperty("id").GetString(), reply.GetProperty("replyToId").GetString());
        Assert.Contains("Start a case", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(before + page.Count, int.Parse(client.Watermark!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Polling_with_the_latest_watermark_returns_no_activities_and_the_same_watermark()
    {
        await client.StartAsync();
        await client.PostAsync(DirectLineClient.WebChatMessage("client-1", text: "help"));
        await client.PollAsync();
        var latest = client.Watermark;

        var response = await client.GetAsync(latest);

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(0, body.RootElement.GetProperty("activities").GetArrayLength());
        Assert.Equal(latest, body.RootElement.GetProperty("watermark").GetString());
    }

    [Fact]
    public async Task A_card_submit_reaches_the_dialog_and_choice_prompts_arrive_as_adaptive_cards()
    {
        await client.StartAsync();
        await client.PostAsync(DirectLineClient.WebChatMessage("c-1", text: "Guest furious, steak overcooked twice"));
        var card = (await client.PollAsync()).Last(a => a.TryGetProperty("attachments", out _));
        var content = card.GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", content.GetProperty("contentType").GetString());
        var firstAction = content.GetProperty("content").GetProperty("actions")[0];
        var answer = firstAction.GetProperty("data").GetProperty("answer").GetString()!;

        var submit = await client.PostAsync(DirectLineClient.WebChatMessage("c-2", answer: answer));

        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        var after = await client.PollAsync();
        Assert.Equal(answer, after[0].GetProperty("value").GetProperty("answer").GetString());
        Assert.True(after.Count >= 2, "the dialog answered the submit with its next question");
        Assert.DoesNotContain(after.Skip(1), a => a.TryGetProperty("text", out var t) && (t.GetString() ?? "").Contains("Pick a number", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_conversation_is_404()
    {
        await client.StartAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(null, conversationId: "no-such-conversation")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync(DirectLineClient.WebChatMessage("x", text: "hi"), conversationId: "no-such-conversation")).StatusCode);
    }

    [Fact]
    public async Task A_request_without_authorization_is_401()
    {
        await client.StartAsync();

        var response = await client.SendAsync(HttpMethod.Get, $"{DirectLineClient.Prefix}/conversations/{client.ConversationId}/activities?watermark=", token: null, content: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(HttpMethod.Post, DirectLineClient.Prefix + "/tokens/refresh", token: null, content: null)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_token_or_another_conversations_token_is_403()
    {
        await client.StartAsync();
        var other = new DirectLineClient(http);
        await other.StartAsync("someone-else");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(null, token: "not-a-token")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(null, token: other.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync(DirectLineClient.WebChatMessage("x", text: "hi"), token: "not-a-token")).StatusCode);
        var body = await (await client.GetAsync(null, token: "not-a-token")).Content.ReadAsStringAsync();
        Assert.Contains("TokenExpired", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_returns_a_new_token_for_the_same_conversation()
    {
        await client.StartAsync();

        var response = await client.SendAsync(HttpMethod.Post, DirectLineClient.Prefix + "/tokens/refresh", client.Token, null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var fresh = body.RootElement.GetProperty("token").GetString();
        Assert.NotEqual(client.Token, fresh);
        Assert.Equal(client.ConversationId, body.RootElement.GetProperty("conversationId").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(null, token: fresh)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Post, DirectLineClient.Prefix + "/tokens/refresh", "not-a-token", null)).StatusCode);
    }

    [Fact]
    public async Task The_page_loads_the_web_chat_bundle_from_the_bots_own_files()
    {
        var page = await http.GetStringAsync("/");
        Assert.Contains("<script src=\"/webchat.js\"></script>", page, StringComparison.Ordinal);
        Assert.Contains("createDirectLine", page, StringComparison.Ordinal);
        Assert.Contains("webSocket: false", page, StringComparison.Ordinal);
        Assert.Contains("ServiceRecoveryBot — local chat", page, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn.botframework.com", page, StringComparison.Ordinal);

        var bundle = await http.GetAsync("/webchat.js");
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.True(bundle.Content.Headers.ContentLength > 1_000_000);
    }

    [Theory]
    [InlineData("10.1.2.3", HttpStatusCode.NotFound)]
    [InlineData("::1", HttpStatusCode.Created)]
    [InlineData("127.0.0.1", HttpStatusCode.Created)]
    public async Task Only_loopback_callers_reach_the_page_and_the_direct_line(string remote, HttpStatusCode expected)
    {
        // Derived factories are disposed with their parent (in DisposeAsync); disposing them twice stops their host twice.
        var seen = factory.WithWebHostBuilder(builder =>
            builder.ConfigureServices(services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new RemoteAddressStartupFilter(IPAddress.Parse(remote)))));
        using var from = seen.CreateClient();

        Assert.Equal(expected, (await from.PostAsync(DirectLineClient.Prefix + "/conversations", new StringContent("{}"))).StatusCode);
        Assert.Equal(expected == HttpStatusCode.Created ? HttpStatusCode.OK : HttpStatusCode.NotFound, (await from.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Outside_development_with_an_app_id_nothing_is_mapped()
    {
        var production = factory.WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("MicrosoftAppId", "00000000-0000-0000-0000-000000000001");
            builder.UseSetting("MicrosoftAppPassword", "not-a-real-secret");
        });
        using var prod = production.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await prod.PostAsync(DirectLineClient.Prefix + "/conversations", new StringContent("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await prod.GetAsync("/webchat.js")).StatusCode);
        Assert.StartsWith("ServiceRecoveryBot is running", await prod.GetStringAsync("/"), StringComparison.Ordinal);
    }
}
