using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServiceRecoveryBot.IntegrationTests.Infrastructure;
using ServiceRecoveryBot.Testing;

namespace ServiceRecoveryBot.IntegrationTests.Slack;

/// <summary>
/// Recorded Slack requests, signed with a test secret, posted to the real bot host; its replies go to a loopback
/// stand-in for Slack's Web API. The endpoint answers once the turn ran (the ack budget is raised to a minute here), so
/// the replies are there when the response is.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SlackBehaviourTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Secret = "test-signing-secret";
    private const string Token = "xoxb-test-token";

    private LoopbackSlackApi slack = null!;
    private BotFactory factory = null!;
    private HttpClient http = null!;

    public async Task InitializeAsync()
    {
        slack = (await LoopbackSlackApi.StartAsync()).RespondWithFixture("web_chat_postMessage_ok.json");
        // The answer waits for the turn, so its replies are there when the response is, however slow the machine.
        factory = SlackBot(ackBudget: "00:01:00");
        http = factory.CreateClient();
    }

    private BotFactory SlackBot(string ackBudget) => new(azurite, AzuriteFixture.NewTablePrefix(), new Dictionary<string, string?>
    {
        ["Slack:SigningSecret"] = Secret,
        ["Slack:BotToken"] = Token,
        ["Slack:ApiBaseUrl"] = slack.BaseUrl.ToString(),
        ["Slack:AckBudget"] = ackBudget,
    });

    public async Task DisposeAsync()
    {
        http.Dispose();
        await factory.DisposeAsync();
        await slack.DisposeAsync();
    }

    [Fact]
    public async Task The_events_url_check_is_answered_with_its_challenge()
    {
        var response = await PostSignedAsync("/api/slack/events", File.ReadAllText(SharedFixtures.Fixture("slack", "url_verification.json")), "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expected = JsonNode.Parse(File.ReadAllText(SharedFixtures.Fixture("slack", "url_verification.json")))!["challenge"]!.GetValue<string>();
        Assert.Equal(expected, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["challenge"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_request_not_signed_with_the_secret_is_refused_and_runs_nothing()
    {
        var body = DirectMessage("Guest in 12 furious, steak overcooked twice", "1700000000.000100");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/slack/events") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Slack-Request-Timestamp", Now());
        request.Headers.Add("X-Slack-Signature", Sign("another-secret", Now(), body));

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(Posts);
    }

    [Theory]
    [InlineData("/api/slack/events", "not json", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("/api/slack/events", "{\"type\":\"url_verification\",\"challenge\":[1]}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("/api/slack/events", "{\"type\":7}", "application/json", HttpStatusCode.OK)]
    [InlineData("/api/slack/interactions", "payload=%7Bnot", "application/x-www-form-urlencoded", HttpStatusCode.BadRequest)]
    [InlineData("/api/slack/commands", "text=help", "application/x-www-form-urlencoded", HttpStatusCode.BadRequest)]
    public async Task A_signed_body_that_is_not_what_Slack_sends_is_refused_or_ignored_and_runs_nothing(string path, string body, string contentType, HttpStatusCode expected)
    {
        var response = await PostSignedAsync(path, body, contentType);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.BadRequest) Assert.Contains("\"error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(Posts);
    }

    [Fact]
    public async Task A_signed_event_whose_authed_users_are_numbers_is_answered_not_a_500()
    {
        var json = JsonNode.Parse(DirectMessage("help", "1700000000.000700"))!.AsObject();
        json.Remove("authorizations");
        json["authed_users"] = new JsonArray(12345, 678);

        var response = await PostSignedAsync("/api/slack/events", json.ToJsonString(), "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(Posts);
    }

    [Theory]
    [InlineData("[7]")]
    [InlineData("[\"approve\"]")]
    [InlineData("[{\"text\":5}]")]
    public async Task A_signed_button_press_whose_actions_are_not_objects_runs_nothing_and_is_not_a_500(string actions)
    {
        var payload = JsonNode.Parse(File.ReadAllText(SharedFixtures.Fixture("slack", "interaction_block_actions.json")))!.AsObject();
        payload["actions"] = JsonNode.Parse(actions);

        var response = await PostSignedAsync("/api/slack/interactions", "payload=" + Uri.EscapeDataString(payload.ToJsonString()), "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Posts);
    }

    [Fact]
    public async Task A_signed_event_with_a_lone_surrogate_is_refused_with_400()
    {
        var body = DirectMessage("LONE", "1700000000.000800").Replace("LONE", "\\ud800", StringComparison.Ordinal);

        var response = await PostSignedAsync("/api/slack/events", body, "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Posts);
    }

    [Fact]
    public async Task A_signed_message_over_32_KB_is_refused_with_413()
    {
        var response = await PostSignedAsync("/api/slack/events", DirectMessage(new string('x', 40_000), "1700000000.000900"), "application/json");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(Posts);
    }

    [Fact]
    public async Task A_direct_message_opens_a_case_and_the_reply_goes_to_that_DM_with_the_bot_token()
    {
        var response = await PostSignedAsync("/api/slack/events", DirectMessage("Guest in 12 furious, steak overcooked twice", "1700000000.000100"), "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var posts = slack.To("chat.postMessage");
        Assert.NotEmpty(posts);
        Assert.All(posts, p => Assert.Equal("Bearer " + Token, p.Authorization));
        Assert.All(posts, p => Assert.Equal("D024BE91L", p.Json.GetProperty("channel").GetString()));
        Assert.Contains(posts, p => p.Json.GetProperty("text").GetString()!.Contains("SR-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_mention_in_a_channel_is_answered_in_its_thread_and_replies_there_continue_the_case()
    {
        var mention = JsonNode.Parse(File.ReadAllText(SharedFixtures.Fixture("slack", "event_callback_app_mention.json")))!;
        mention["event"]!["text"] = "<@U0LAN0Z89> guest in 12 furious, steak overcooked twice";
        mention["event_time"] = 1515449483;
        await PostSignedAsync("/api/slack/events", mention.ToJsonString(), "application/json");

        var opened = Posts.ToList();
        Assert.NotEmpty(opened);
        Assert.All(opened, r => Assert.Equal(("C0LAN2Q65", "1515449483.000108"), (r.Json.GetProperty("channel").GetString(), r.Json.GetProperty("thread_ts").GetString())));

        var reply = JsonNode.Parse(File.ReadAllText(SharedFixtures.Fixture("slack", "event_callback_message_im.json")))!;
        reply["event"]!["channel"] = "C0LAN2Q65";
        reply["event"]!["channel_type"] = "channel";
        reply["event"]!["user"] = "W021FGA1Z";
        reply["event"]!["text"] = "1";
        reply["event"]!["ts"] = "1515449490.000200";
        reply["event"]!["thread_ts"] = "1515449483.000108";
        await PostSignedAsync("/api/slack/events", reply.ToJsonString(), "application/json");

        var next = Posts.Skip(opened.Count).ToList();
        Assert.NotEmpty(next);
        Assert.All(next, r => Assert.Equal("1515449483.000108", r.Json.GetProperty("thread_ts").GetString()));
    }

    [Fact]
    public async Task A_reply_in_a_thread_the_bot_is_not_part_of_gets_no_answer()
    {
        var fixture = File.ReadAllText(SharedFixtures.Fixture("slack", "event_callback_message_thread_reply.json"));

        var response = await PostSignedAsync("/api/slack/events", fixture, "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Posts);
    }

    [Fact]
    public async Task Opening_the_bots_DM_says_hello_once()
    {
        const string opened = """{"type":"event_callback","team_id":"T061EG9R6","event":{"type":"app_home_opened","user":"U061F7AUR","channel":"D0LAN2Q65","tab":"messages","event_ts":"1515449522.000016"},"event_id":"Ev0LAN670R"}""";
        await PostSignedAsync("/api/slack/events", opened, "application/json");
        await PostSignedAsync("/api/slack/events", opened.Replace("1515449522.000016", "1515449600.000020", StringComparison.Ordinal), "application/json");

        var hello = Assert.Single(Posts);
        Assert.Equal("D0LAN2Q65", hello.Json.GetProperty("channel").GetString());
        Assert.StartsWith("Hi, I'm ServiceRecoveryBot", hello.Json.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_case_names_the_staff_member_as_Slack_shows_them_and_asks_Slack_once()
    {
        slack.RespondTo("users.info", """{"ok":true,"user":{"id":"U2147483697","real_name":"Samira Okoye","profile":{"display_name":"Sam","real_name":"Samira Okoye"}}}""");

        await PostSignedAsync("/api/slack/events", DirectMessage("Guest in 12 furious, steak overcooked twice", "1700000000.000400"), "application/json");
        await PostSignedAsync("/api/slack/events", DirectMessage("1", "1700000000.000500"), "application/json");

        var lookup = Assert.Single(slack.To("users.info"));
        Assert.Equal(("GET", "?user=U2147483697&include_locale=true"), (lookup.Method, lookup.Query));
        var cases = factory.Services.GetRequiredService<ServiceRecoveryBot.Recovery.Cases.ICaseStore>();
        var listed = Assert.Single(await cases.ListAsync("slack:T061EG9R6", 10, CancellationToken.None));
        Assert.Equal("Sam", (await cases.FindAsync("slack:T061EG9R6", listed.Id, CancellationToken.None))!.StaffName);
    }

    [Fact]
    public async Task A_turn_slower_than_Slacks_deadline_is_acknowledged_in_time_and_its_reply_still_goes_out()
    {
        var slackAnswers = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        slack.Hold("chat.postMessage", slackAnswers.Task);
        await using var quick = SlackBot(ackBudget: "00:00:00.2");
        using var client = quick.CreateClient();

        // Held, the reply's post would take the client's 10 s attempt timeout: an answer that waited for the turn comes too late.
        var response = await PostSignedAsync("/api/slack/events", DirectMessage("help", "1700000000.000600"), "application/json", client: client)
            .WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await slack.FirstCallTo("chat.postMessage").WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal("D024BE91L", reply.Json.GetProperty("channel").GetString());
        slackAnswers.SetResult();
    }

    [Fact]
    public async Task A_redelivered_event_is_answered_once()
    {
        var body = DirectMessage("help", "1700000000.000200");
        await PostSignedAsync("/api/slack/events", body, "application/json");
        var answered = Posts.Count;

        var again = await PostSignedAsync("/api/slack/events", body, "application/json", retry: 1);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True(answered > 0);
        Assert.Equal(answered, Posts.Count);
    }

    [Fact]
    public async Task A_button_press_answers_the_question_it_was_offered_with()
    {
        await PostSignedAsync("/api/slack/events", DirectMessage("Guest in 12 furious, steak overcooked twice", "1700000000.000300"), "application/json");
        var category = Posts.Last();
        var button = Assert.IsType<JsonElement>(category.Buttons.First());
        var before = Posts.Count;

        var payload = JsonNode.Parse(File.ReadAllText(SharedFixtures.Fixture("slack", "interaction_block_actions.json")))!;
        payload["channel"]!["id"] = "D024BE91L";
        payload["user"]!["id"] = "U2147483697";
        payload["actions"]![0]!["value"] = button.GetProperty("value").GetString();
        var response = await PostSignedAsync("/api/slack/interactions", "payload=" + Uri.EscapeDataString(payload.ToJsonString()), "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var next = Posts.Skip(before).Select(r => r.Json.GetProperty("text").GetString()!).ToList();
        Assert.NotEmpty(next);
        Assert.DoesNotContain(next, text => text.Contains("didn't catch that", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_pressed_messages_buttons_give_way_to_the_answer_so_they_cannot_be_pressed_again()
    {
        await PostSignedAsync("/api/slack/events", DirectMessage("Guest in 12 furious, steak overcooked twice", "1700000000.000400"), "application/json");
        var question = Posts.Last();
        var button = question.Buttons[1];
        var label = button.GetProperty("text").GetProperty("text").GetString()!;
        var before = Posts.Count;

        // The press as Slack sends it: the message it was on (its ts is what chat.postMessage answered), with its blocks.
        var payload = JsonNode.Parse(File.ReadAllText(SharedFixtures.Fixture("slack", "interaction_block_actions.json")))!;
        payload["channel"]!["id"] = "D024BE91L";
        payload["user"]!["id"] = "U2147483697";
        payload["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1503435956.000247", ["channel_id"] = "D024BE91L", ["is_ephemeral"] = false };
        payload["message"]!["ts"] = "1503435956.000247";
        payload["message"]!["text"] = question.Json.GetProperty("text").GetString();
        payload["message"]!["blocks"] = JsonNode.Parse(question.Json.GetProperty("blocks").GetRawText());
        payload["actions"]![0]!["value"] = button.GetProperty("value").GetString();
        payload["actions"]![0]!["text"]!["text"] = label;
        await PostSignedAsync("/api/slack/interactions", "payload=" + Uri.EscapeDataString(payload.ToJsonString()), "application/x-www-form-urlencoded");

        var update = Assert.Single(slack.To("chat.update"));
        Assert.Equal("Bearer " + Token, update.Authorization);
        Assert.Equal(("D024BE91L", "1503435956.000247"), (update.Json.GetProperty("channel").GetString(), update.Json.GetProperty("ts").GetString()));
        Assert.Empty(update.Buttons);
        var answered = update.Blocks.Last();
        Assert.Equal("context", answered.GetProperty("type").GetString());
        Assert.Contains(label, answered.GetProperty("elements")[0].GetProperty("text").GetString()!, StringComparison.Ordinal);
        // The question itself is still there, and the next one follows as a new message.
        Assert.Contains(update.Blocks, b => b.GetProperty("type").GetString() == "section");
        Assert.True(Posts.Count > before);
    }

    [Fact]
    public async Task A_press_on_a_message_only_its_presser_sees_edits_no_message()
    {
        await PostSignedAsync("/api/slack/events", DirectMessage("Guest in 12 furious, steak overcooked twice", "1700000000.000500"), "application/json");
        var payload = JsonNode.Parse(File.ReadAllText(SharedFixtures.Fixture("slack", "interaction_block_actions.json")))!;
        payload["channel"]!["id"] = "D024BE91L";
        payload["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1503435956.000247", ["channel_id"] = "D024BE91L", ["is_ephemeral"] = true };
        payload["actions"]![0]!["value"] = "1";
        await PostSignedAsync("/api/slack/interactions", "payload=" + Uri.EscapeDataString(payload.ToJsonString()), "application/x-www-form-urlencoded");

        Assert.Empty(slack.To("chat.update"));
    }

    [Fact]
    public async Task A_slash_command_in_a_channel_goes_on_in_the_users_DM_and_tells_only_them()
    {
        slack.RespondTo("conversations.open", """{"ok":true,"channel":{"id":"D069C7QFK"}}""");
        var fields = SlashCommand("my cases");

        var response = await PostSignedAsync("/api/slack/commands", Form(fields), "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ack = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("ephemeral", ack["response_type"]!.GetValue<string>());
        Assert.Equal(fields["user_id"], JsonNode.Parse(Assert.Single(slack.To("conversations.open")).Body)!["users"]!.GetValue<string>());
        Assert.Equal("D069C7QFK", Assert.Single(Posts).Json.GetProperty("channel").GetString());
    }

    [Fact]
    public async Task A_slash_command_in_the_DM_answers_there()
    {
        var fields = SlashCommand("my cases");
        fields["channel_id"] = "D024BE91L";

        var response = await PostSignedAsync("/api/slack/commands", Form(fields), "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(slack.To("conversations.open"));
        Assert.Equal("D024BE91L", Assert.Single(Posts).Json.GetProperty("channel").GetString());
    }

    private static Dictionary<string, string> SlashCommand(string text)
    {
        var fields = JsonNode.Parse(File.ReadAllText(SharedFixtures.Fixture("slack", "slash_command.json")))!.AsObject()
            .ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
        fields["command"] = "/recovery";
        fields["text"] = text;
        return fields;
    }

    private static string Form(Dictionary<string, string> fields) =>
        string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));

    [Theory]
    [InlineData("event_callback_message_from_app_bot.json")]
    [InlineData("event_callback_message_bot_message_subtype.json")]
    public async Task Messages_from_bots_get_no_answer(string fixture)
    {
        var response = await PostSignedAsync("/api/slack/events", File.ReadAllText(SharedFixtures.Fixture("slack", fixture)), "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Posts);
    }

    [Fact]
    public async Task Without_a_signing_secret_the_Slack_endpoints_are_not_there()
    {
        await using var plain = new BotFactory(azurite, AzuriteFixture.NewTablePrefix());
        using var client = plain.CreateClient();

        var response = await client.PostAsync("/api/slack/events", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>The messages the bot posted (users.info look-ups aside).</summary>
    private IReadOnlyList<SlackApiRequest> Posts => slack.To("chat.postMessage");

    private static string DirectMessage(string text, string ts)
    {
        var json = JsonNode.Parse(File.ReadAllText(SharedFixtures.Fixture("slack", "event_callback_message_im.json")))!;
        json["event"]!["text"] = text;
        json["event"]!["ts"] = ts;
        json["event"]!["event_ts"] = ts;
        json["event_id"] = "Ev" + ts.Replace(".", "", StringComparison.Ordinal);
        return json.ToJsonString();
    }

    private async Task<HttpResponseMessage> PostSignedAsync(string path, string body, string contentType, int? retry = null, HttpClient? client = null)
    {
        var timestamp = Now();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", Sign(Secret, timestamp, body));
        if (retry is { } n)
        {
            request.Headers.Add("X-Slack-Retry-Num", n.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }
        return await (client ?? http).SendAsync(request);
    }

    private static string Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static string Sign(string secret, string timestamp, string body) =>
        "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes("v0:" + timestamp + ":" + body)));
}
