using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServiceRecoveryBot.IntegrationTests.Infrastructure;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Testing;
using ServiceRecoveryBot.Understanding;
using static ServiceRecoveryBot.IntegrationTests.Entry.SlackShortcutPayloads;

namespace ServiceRecoveryBot.IntegrationTests.Entry;

/// <summary>
/// Slack's message shortcut and Home tab through the real host and Azurite (issue 26 points 2-4): signed requests as
/// Slack sends them, Slack's Web API a loopback stand-in. The modal opens pre-filled within the trigger's 3 s, its
/// submission opens the case in the DM and tells the thread, and each Home tab shows what its owner may see.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SlackEntryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Secret = "test-signing-secret";
    private const string Text = "table 12 waited 50 min for mains, guest furious";
    private const string SlackTeam = "slack:" + Team;

    private LoopbackSlackApi slack = null!;
    private BotFactory factory = null!;
    private HttpClient http = null!;

    public async Task InitializeAsync()
    {
        slack = (await LoopbackSlackApi.StartAsync()).RespondWithFixture("web_chat_postMessage_ok.json")
            .RespondTo("conversations.open", """{"ok":true,"channel":{"id":"D069C7QFK"}}""")
            .RespondTo("users.info", """{"ok":true,"user":{"id":"W111","real_name":"Samira Okoye","profile":{"display_name":"Sam"}}}""")
            .RespondTo("views.open", """{"ok":true,"view":{"id":"V0MODAL"}}""")
            .RespondTo("views.publish", """{"ok":true,"view":{"id":"V0HOME"}}""");
        factory = SlackBot("00:01:00");
        http = factory.CreateClient();
    }

    private BotFactory SlackBot(string ackBudget, string? tablePrefix = null) => new(azurite, tablePrefix ?? AzuriteFixture.NewTablePrefix(), new Dictionary<string, string?>
    {
        ["Slack:SigningSecret"] = Secret,
        ["Slack:BotToken"] = "xoxb-test-token",
        ["Slack:ApiBaseUrl"] = slack.BaseUrl.ToString(),
        ["Slack:AckBudget"] = ackBudget,
        ["Recovery:Walk"] = "Quick",
        ["Managers:Teams:0:TeamKey"] = SlackTeam,
        ["Managers:Teams:0:UserIds:0"] = "UMGR",
    });

    public async Task DisposeAsync()
    {
        http.Dispose();
        await factory.DisposeAsync();
        await slack.DisposeAsync();
    }

    private ICaseStore Cases => factory.Services.GetRequiredService<ICaseStore>();

    [Fact]
    public async Task The_shortcut_opens_the_form_pre_filled_from_the_message_on_its_trigger()
    {
        await PostEventAsync(BotJoined());

        var response = await PostInteractionAsync(Shortcut(Text));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var open = Assert.Single(slack.To("views.open"));
        Assert.Equal("111.222.xxx", open.Json.GetProperty("trigger_id").GetString());
        var view = open.Json.GetProperty("view");
        Assert.Equal("log_service_recovery", view.GetProperty("callback_id").GetString());
        Assert.Equal(Text, Element(view, "incident").GetProperty("initial_value").GetString());
        Assert.Equal("Sam", Element(view, "reporter").GetProperty("initial_value").GetString());
        var dm = factory.Services.GetRequiredService<IUnderstanding>().Understand(Text, UnderstandingPurpose.CaseOpening, CancellationToken.None);
        Assert.Equal(dm.Category.ToString(), Element(view, "category").GetProperty("initial_option").GetProperty("value").GetString());
        Assert.Contains("(suggested)", Element(view, "severity").GetProperty("initial_option").GetProperty("text").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Empty(await Cases.ListAsync(SlackTeam, 10, CancellationToken.None));
    }

    [Fact]
    public async Task The_submission_opens_the_case_in_the_DM_and_tells_the_thread()
    {
        await PostEventAsync(BotJoined());
        await PostInteractionAsync(Shortcut(Text));
        var opened = JsonNode.Parse(Assert.Single(slack.To("views.open")).Json.GetProperty("view").GetRawText())!.AsObject();

        var response = await PostInteractionAsync(Submission(opened, Filled("StaffBehaviour", "3")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var listed = Assert.Single(await Cases.ListAsync(SlackTeam, 10, CancellationToken.None));
        var opened2 = (await Cases.FindAsync(SlackTeam, listed.Id, CancellationToken.None))!;
        Assert.Equal((Invoker, Text, Direct), (opened2.StaffId, opened2.WhatHappened, opened2.ConversationId));
        Assert.Equal("Logged from a message by Sam", opened2.Timeline[0].Note);
        var inDm = slack.To("chat.postMessage").Where(p => p.Json.GetProperty("channel").GetString() == Direct).ToList();
        Assert.StartsWith($"Case {listed.Id}", inDm[0].Json.GetProperty("text").GetString(), StringComparison.Ordinal);
        var thread = Assert.Single(slack.To("chat.postMessage"), p => p.Json.GetProperty("channel").GetString() == Channel && p.Json.TryGetProperty("thread_ts", out _));
        Assert.Equal(MessageTs, thread.Json.GetProperty("thread_ts").GetString());
        Assert.StartsWith($"Case {listed.Id} opened by Sam", thread.Json.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submission_without_words_is_sent_back_with_the_field_marked_and_opens_nothing()
    {
        await PostEventAsync(BotJoined());
        await PostInteractionAsync(Shortcut(Text));
        var opened = JsonNode.Parse(Assert.Single(slack.To("views.open")).Json.GetProperty("view").GetRawText())!.AsObject();

        var response = await PostInteractionAsync(Submission(opened, new Dictionary<string, string> { ["incident"] = "  ", ["category"] = "WaitOrDelay", ["severity"] = "2" }));

        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("errors", answer["response_action"]!.GetValue<string>());
        Assert.NotNull(answer["errors"]!["incident"]);
        Assert.Empty(await Cases.ListAsync(SlackTeam, 10, CancellationToken.None));
    }

    [Fact]
    public async Task A_shortcut_from_a_channel_the_bot_is_not_in_says_so_and_opens_nothing()
    {
        var response = await PostInteractionAsync(Shortcut(Text, channel: "C999"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var notice = Assert.Single(slack.To("views.open")).Json.GetProperty("view");
        Assert.False(notice.TryGetProperty("submit", out _));
        Assert.StartsWith("I'm not in this conversation", notice.GetProperty("blocks")[0].GetProperty("text").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Empty(await Cases.ListAsync(SlackTeam, 10, CancellationToken.None));
    }

    [Fact]
    public async Task The_submission_is_answered_within_Slacks_3_seconds_and_the_case_opens_after()
    {
        await PostEventAsync(BotJoined());
        await PostInteractionAsync(Shortcut(Text));
        var opened = JsonNode.Parse(Assert.Single(slack.To("views.open")).Json.GetProperty("view").GetRawText())!.AsObject();
        var slackAnswers = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        slack.Hold("conversations.open", slackAnswers.Task);
        await using var quick = SlackBot("00:00:00.2", factory.TablePrefix);
        using var client = quick.CreateClient();

        var response = await PostInteractionAsync(Submission(opened, Filled("WaitOrDelay", "2")), client).WaitAsync(TimeSpan.FromSeconds(3));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await Cases.ListAsync(SlackTeam, 10, CancellationToken.None));
        slackAnswers.SetResult();
        var first = await slack.WaitForAsync("chat.postMessage", p => p.Json.GetProperty("channel").GetString() == Direct, TimeSpan.FromSeconds(30));
        Assert.StartsWith("Case SR-", first.Json.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_staff_members_Home_tab_shows_their_own_open_cases_and_next_promise_and_nothing_of_others()
    {
        var (own, othersApproval, othersOverdue, otherTeam) = await SeedAsync();

        await PostEventAsync(HomeOpened(Invoker));

        // The last publish: seeding the cases refreshed the tab already, with the same cases.
        var home = HomeTextOf(slack.To("views.publish").Last(p => p.Json.GetProperty("user_id").GetString() == Invoker));
        Assert.Contains(own.Value, home, StringComparison.Ordinal);
        Assert.Contains("Promise on " + own.Value, home, StringComparison.Ordinal);
        Assert.DoesNotContain(othersApproval.Value, home, StringComparison.Ordinal);
        Assert.DoesNotContain(othersOverdue.Value, home, StringComparison.Ordinal);
        Assert.DoesNotContain(otherTeam.Value, home, StringComparison.Ordinal);
        Assert.DoesNotContain("Waiting for your approval", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_managers_Home_tab_adds_the_teams_approvals_and_overdue_follow_ups_with_their_buttons_but_not_another_teams()
    {
        var (_, othersApproval, othersOverdue, otherTeam) = await SeedAsync();

        await PostEventAsync(HomeOpened("UMGR"));

        var publish = slack.To("views.publish").Last(p => p.Json.GetProperty("user_id").GetString() == "UMGR");
        var home = HomeTextOf(publish);
        Assert.Contains("Waiting for your approval", home, StringComparison.Ordinal);
        Assert.Contains(othersApproval.Value, home, StringComparison.Ordinal);
        Assert.Contains(othersOverdue.Value, home, StringComparison.Ordinal);
        Assert.DoesNotContain(otherTeam.Value, home, StringComparison.Ordinal);
        var buttons = publish.Json.GetProperty("view").GetProperty("blocks").EnumerateArray().Where(b => b.GetProperty("type").GetString() == "actions").SelectMany(b => b.GetProperty("elements").EnumerateArray())
            .Select(e => e.GetProperty("value").GetString()).ToList();
        Assert.Contains($"approve {othersApproval}", buttons);
        Assert.Contains($"follow up {othersOverdue}", buttons);
    }

    [Fact]
    public async Task A_Home_tab_button_runs_its_command_in_the_DM_and_the_tab_is_published_again()
    {
        var (own, _, _, _) = await SeedAsync();

        var response = await PostInteractionAsync(HomeButton(Invoker, $"show {own}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shown = Assert.Single(slack.To("chat.postMessage"), p => p.Json.GetProperty("channel").GetString() == Direct);
        Assert.Contains(own.Value, shown.Json.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains(slack.To("views.publish"), p => p.Json.GetProperty("user_id").GetString() == Invoker);
    }

    [Fact]
    public async Task A_case_that_changes_publishes_its_owners_Home_tab_again()
    {
        var message = JsonNode.Parse(File.ReadAllText(SharedFixtures.Fixture("slack", "event_callback_message_im.json")))!;
        message["team_id"] = Team;
        message["event"]!["user"] = Invoker;
        message["event"]!["channel"] = Direct;
        message["event"]!["text"] = "guest in 12 furious, steak overcooked twice";

        await PostEventAsync(message.AsObject());

        var published = await slack.FirstCallTo("views.publish").WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(Invoker, published.Json.GetProperty("user_id").GetString());
        var listed = Assert.Single(await Cases.ListAsync(SlackTeam, 10, CancellationToken.None));
        Assert.Contains(listed.Id.Value, HomeTextOf(published), StringComparison.Ordinal);
    }

    /// <summary>The invoker's case (with a promise due), another staff member's approval and overdue follow-up, and the invoker's case in another team.</summary>
    private async Task<(CaseId Own, CaseId Approval, CaseId Overdue, CaseId OtherTeam)> SeedAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var own = RecoveryCase.Open(CaseId.New(), SlackTeam, Invoker, "Sam", "room 305 no hot water", now.AddHours(-1)) with
        {
            Promise = new Promise("call them back with a new room", now.AddHours(2)),
        };
        var approval = RecoveryCase.Open(CaseId.New(), SlackTeam, "W333", "Lee", "double charge on the minibar", now.AddHours(-2)) with
        {
            Atonement = new Atonement("a free night", 4, 180m, ApprovalState.Pending),
        };
        var overdue = RecoveryCase.Open(CaseId.New(), SlackTeam, "W333", "Lee", "lost luggage at the desk", now.AddDays(-1)) with
        {
            Status = CaseStatus.AwaitingFollowUp,
            FollowUpAt = now.AddHours(-3),
        };
        var elsewhere = RecoveryCase.Open(CaseId.New(), "slack:T999", Invoker, "Sam", "cold soup at another hotel", now.AddHours(-1));
        foreach (var c in new[] { own, approval, overdue, elsewhere }) Assert.True(await Cases.TryCreateAsync(c, CancellationToken.None));
        return (own.Id, approval.Id, overdue.Id, elsewhere.Id);
    }

    private static Dictionary<string, string> Filled(string category, string severity) => new()
    {
        ["incident"] = Text, ["reporter"] = "Sam", ["category"] = category, ["severity"] = severity,
    };

    private static JsonElement Element(JsonElement view, string block) =>
        view.GetProperty("blocks").EnumerateArray().Single(b => b.GetProperty("block_id").GetString() == block).GetProperty("element");

    private static string HomeTextOf(SlackApiRequest publish) =>
        string.Join("\n", publish.Json.GetProperty("view").GetProperty("blocks").EnumerateArray()
            .Where(b => b.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.Object)
            .Select(b => b.GetProperty("text").GetProperty("text").GetString()));

    private Task<HttpResponseMessage> PostEventAsync(JsonObject envelope) => PostSignedAsync("/api/slack/events", envelope.ToJsonString(), "application/json");

    private Task<HttpResponseMessage> PostInteractionAsync(JsonObject payload, HttpClient? client = null) =>
        PostSignedAsync("/api/slack/interactions", "payload=" + Uri.EscapeDataString(payload.ToJsonString()), "application/x-www-form-urlencoded", client);

    private async Task<HttpResponseMessage> PostSignedAsync(string path, string body, string contentType, HttpClient? client = null)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes("v0:" + timestamp + ":" + body))));
        return await (client ?? http).SendAsync(request);
    }
}
