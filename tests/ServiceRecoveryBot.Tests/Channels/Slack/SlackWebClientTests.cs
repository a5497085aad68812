using Stopwatch = System.Diagnostics.Stopwatch;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ServiceRecoveryBot.Channels.Slack;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Testing;

namespace ServiceRecoveryBot.Tests.Channels.Slack;

/// <summary>
/// The Slack Web API client built by <see cref="SlackServiceCollectionExtensions.AddSlackWebClient"/> (so its real
/// resilience pipeline runs) against a loopback fake of the API serving recorded answers.
/// </summary>
public sealed class SlackWebClientTests : IAsyncLifetime
{
    private const string Token = "xoxb-test-0000-secret";
    private const string PostedTs = "1503435956.000247"; // web_chat_postMessage_ok.json

    private LoopbackSlackApi api = null!;
    private ServiceProvider? services;
    private readonly CapturingLogger<SlackWebClient> logs = new();

    public async Task InitializeAsync() => api = await LoopbackSlackApi.StartAsync();

    public async Task DisposeAsync()
    {
        if (services is not null) await services.DisposeAsync();
        await api.DisposeAsync();
    }

    private SlackWebClient Client(string? token = Token, string? apiBaseUrl = null, TimeProvider? time = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:ApiBaseUrl"] = apiBaseUrl ?? api.BaseUrl.AbsoluteUri,
            ["Slack:BotToken"] = token,
        }).Build();
        services = new ServiceCollection()
            .AddSingleton(time ?? TimeProvider.System)
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new EveryCategory(logs)))
            .AddSlackWebClient()
            .BuildServiceProvider();
        return services.GetRequiredService<SlackWebClient>();
    }

    private static Activity Reply(string text, string conversationId = "C123ABC456", SuggestedActions? actions = null) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Conversation = new ConversationAccount { Id = conversationId },
        SuggestedActions = actions,
    };

    private static SuggestedActions Choices(params CardAction[] actions) => new() { Actions = actions };

    private Task<SendResult> SendAsync(Activity activity, SlackWebClient? client = null) =>
        (client ?? Client()).SendAsync("https://unused.example/", activity, CancellationToken.None);

    [Fact]
    public async Task A_burst_of_posts_to_one_channel_beyond_the_allowance_waits_its_turn_while_other_channels_go_ahead()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-08T09:00:00Z"));
        var client = Client(time: clock);
        for (var i = 0; i < SlackChannelPacer.Burst + 2; i++) api.RespondWithFixture("web_chat_postMessage_ok.json");
        var burst = Enumerable.Range(0, SlackChannelPacer.Burst + 1).Select(i => SendAsync(Reply($"Escalation {i}", "CMANAGERS"), client)).ToList();

        await Task.WhenAll(burst.Take(SlackChannelPacer.Burst));
        Assert.False(burst[^1].IsCompleted);
        Assert.Equal(SendOutcome.Delivered, (await SendAsync(Reply("Your case is saved", "DSTAFF"), client)).Outcome);
        clock.Advance(SlackChannelPacer.Interval - TimeSpan.FromMilliseconds(1));
        Assert.False(burst[^1].IsCompleted);
        Assert.Equal(SlackChannelPacer.Burst + 1, api.Requests.Count);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Assert.Equal(SendOutcome.Delivered, (await burst[^1].WaitAsync(bounded.Token)).Outcome);
        Assert.Equal(SlackChannelPacer.Burst + 2, api.Requests.Count);
        Assert.Equal($"Escalation {SlackChannelPacer.Burst}", api.Requests.Last(r => r.Json.GetProperty("channel").GetString() == "CMANAGERS").Json.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Posts_to_a_channel_with_a_thousand_already_waiting_come_back_throttled_at_once()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-08T09:00:00Z"));
        var pacer = new SlackChannelPacer(clock);
        var waiting = Enumerable.Range(0, SlackChannelPacer.Burst + SlackChannelPacer.QueueLimit)
            .Select(_ => pacer.WaitTurnAsync("CMANAGERS", CancellationToken.None).AsTask()).ToList();

        Assert.False(await pacer.WaitTurnAsync("CMANAGERS", CancellationToken.None));
        Assert.True(await pacer.WaitTurnAsync("CSTAFF", CancellationToken.None));
        Assert.Equal(SlackChannelPacer.Burst, waiting.Count(t => t.IsCompleted));
        clock.Advance(SlackChannelPacer.QueueLimit * SlackChannelPacer.Interval);
        Assert.All(await Task.WhenAll(waiting), Assert.True);
    }

    [Fact]
    public async Task A_csv_export_is_uploaded_into_the_thread_after_its_message()
    {
        var csv = "Case,Opened\r\nSR-7K3Q,2026-11-03\r\n"u8.ToArray();
        api.RespondWithFixture("web_chat_postMessage_ok.json")
            .RespondTo("files.getUploadURLExternal", $$"""{"ok":true,"upload_url":"{{api.BaseUrl}}upload/F0EXPORT","file_id":"F0EXPORT"}""")
            .RespondTo("F0EXPORT", "OK - 36")
            .RespondTo("files.completeUploadExternal", """{"ok":true,"files":[{"id":"F0EXPORT"}]}""");
        var export = Reply("12 cases from November 2026", "C123ABC456:1503435956.000247") with
        {
            ReplyToId = "1503435956.000247",
            Attachments = [new Attachment { ContentType = "text/csv", Name = "cases-2026-11.csv", ContentUrl = "data:text/csv;base64," + Convert.ToBase64String(csv) }],
        };

        Assert.Equal(SendOutcome.Delivered, (await SendAsync(export)).Outcome);

        Assert.Equal(["chat.postMessage", "files.getUploadURLExternal", "F0EXPORT", "files.completeUploadExternal"], api.Requests.Select(r => r.Path.Split('/')[^1]));
        var asked = api.To("files.getUploadURLExternal").Single();
        Assert.Equal("Bearer " + Token, asked.Authorization);
        Assert.Equal($"filename=cases-2026-11.csv&length={csv.Length}", asked.Body);
        var uploaded = api.To("F0EXPORT").Single();
        Assert.Equal(System.Text.Encoding.UTF8.GetString(csv), uploaded.Body);
        Assert.Equal("", uploaded.Authorization);
        var completed = api.To("files.completeUploadExternal").Single().Json;
        Assert.Equal("F0EXPORT", completed.GetProperty("files")[0].GetProperty("id").GetString());
        Assert.Equal("C123ABC456", completed.GetProperty("channel_id").GetString());
        Assert.Equal("1503435956.000247", completed.GetProperty("thread_ts").GetString());
    }

    [Fact]
    public async Task An_upload_url_off_slack_is_not_followed_and_the_message_still_counts_as_sent()
    {
        api.RespondWithFixture("web_chat_postMessage_ok.json")
            .RespondTo("files.getUploadURLExternal", """{"ok":true,"upload_url":"http://198.51.100.7/upload/F0X","file_id":"F0X"}""");
        var export = Reply("1 case") with
        {
            Attachments = [new Attachment { ContentType = "text/csv", Name = "cases.csv", ContentUrl = "data:text/csv;base64,QQ==" }],
        };

        Assert.Equal(SendOutcome.Delivered, (await SendAsync(export)).Outcome);

        Assert.Empty(api.To("files.completeUploadExternal"));
        Assert.Contains(logs.Entries, e => e.EventId.Id == 1306 && e.Message.Contains("no_upload_url", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reply_is_posted_to_the_conversations_channel_with_the_bot_token()
    {
        api.RespondWithFixture("web_chat_postMessage_ok.json");

        var result = await SendAsync(Reply("Your refund of **$20** is on its way & <should> arrive"));

        Assert.Equal(new SendResult(SendOutcome.Delivered, PostedTs), result);
        var request = Assert.Single(api.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/chat.postMessage", request.Path);
        Assert.Equal("Bearer " + Token, request.Authorization);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        Assert.Equal("C123ABC456", request.Json.GetProperty("channel").GetString());
        Assert.Equal("Your refund of *$20* is on its way &amp; &lt;should&gt; arrive", request.Json.GetProperty("text").GetString());
        Assert.False(request.Json.TryGetProperty("thread_ts", out _));
        Assert.False(request.Json.TryGetProperty("blocks", out _));
    }

    [Fact]
    public async Task An_api_base_url_without_a_trailing_slash_keeps_its_path()
    {
        api.RespondWithFixture("web_chat_postMessage_ok.json");

        await SendAsync(Reply("Hello"), Client(apiBaseUrl: api.BaseUrl.AbsoluteUri.TrimEnd('/')));

        Assert.Equal("/api/chat.postMessage", Assert.Single(api.Requests).Path);
    }

    [Fact]
    public async Task A_reply_in_a_thread_carries_thread_ts()
    {
        api.RespondWithFixture("web_chat_postMessage_ok.json");

        await SendAsync(Reply("On it.", conversationId: "C0LAN2Q65:1515449483.000108") with { ReplyToId = "C0LAN2Q65:1515449483.000200" });

        var body = Assert.Single(api.Requests).Json;
        Assert.Equal("C0LAN2Q65", body.GetProperty("channel").GetString());
        Assert.Equal("1515449483.000108", body.GetProperty("thread_ts").GetString());
    }

    [Fact]
    public async Task A_proactive_message_to_a_thread_conversation_goes_to_the_channel_where_everyone_sees_it()
    {
        api.RespondWithFixture("web_chat_postMessage_ok.json");

        await SendAsync(Reply("Follow-up due: SR-7K3Q", conversationId: "C0LAN2Q65:1515449483.000108"));

        var body = Assert.Single(api.Requests).Json;
        Assert.Equal("C0LAN2Q65", body.GetProperty("channel").GetString());
        Assert.False(body.TryGetProperty("thread_ts", out _));
    }

    [Fact]
    public async Task Suggested_actions_become_buttons_whose_value_is_the_answer()
    {
        api.RespondWithFixture("web_chat_postMessage_ok.json");

        await SendAsync(Reply("Would a **refund** help?", actions: Choices(
            new CardAction { Type = "imBack", Title = "Yes, refund me", Value = "refund" },
            new CardAction { Type = "imBack", Title = "No thanks" })));

        var request = Assert.Single(api.Requests);
        Assert.Equal("Would a *refund* help?", request.Json.GetProperty("text").GetString());
        var section = request.Blocks[0];
        Assert.Equal("section", section.GetProperty("type").GetString());
        Assert.Equal("mrkdwn", section.GetProperty("text").GetProperty("type").GetString());
        Assert.Equal("Would a *refund* help?", section.GetProperty("text").GetProperty("text").GetString());
        Assert.Equal("actions", request.Blocks[1].GetProperty("type").GetString());
        Assert.Collection(request.Buttons,
            yes =>
            {
                Assert.Equal("button", yes.GetProperty("type").GetString());
                Assert.Equal("plain_text", yes.GetProperty("text").GetProperty("type").GetString());
                Assert.Equal("Yes, refund me", yes.GetProperty("text").GetProperty("text").GetString());
                Assert.Equal("refund", yes.GetProperty("value").GetString());
            },
            no =>
            {
                Assert.Equal("No thanks", no.GetProperty("text").GetProperty("text").GetString());
                Assert.Equal("No thanks", no.GetProperty("value").GetString());
            });
        Assert.Equal(2, request.Buttons.Select(b => b.GetProperty("action_id").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task A_long_reply_with_many_long_choices_stays_within_Slack_limits()
    {
        api.RespondWithFixture("web_chat_postMessage_ok.json");
        var text = string.Join("\n", Enumerable.Range(1, 140).Select(i => $"- Step {i}: check the [order page](https://shop.example/orders?id={i}&tab=2) & wait"));
        var choices = Enumerable.Range(1, 30).Select(i => new CardAction { Type = "imBack", Title = $"Option {i} " + new string('x', 100) }).ToArray();

        await SendAsync(Reply(text, actions: Choices(choices)));

        var request = Assert.Single(api.Requests);
        Assert.True(request.Json.GetProperty("text").GetString()!.Length <= SlackWebClient.MaxTextLength);
        Assert.InRange(request.Blocks.Length, 1, SlackWebClient.MaxBlocks);
        var sections = request.Blocks.Where(b => b.GetProperty("type").GetString() == "section").Select(b => b.GetProperty("text").GetProperty("text").GetString()!).ToList();
        Assert.True(sections.Count > 1);
        Assert.All(sections, s => Assert.InRange(s.Length, 1, SlackWebClient.MaxSectionTextLength));
        Assert.Equal(SlackMrkdwn.FromMarkdown(text).Replace("\n", ""), string.Concat(sections).Replace("\n", ""));
        Assert.All(request.Blocks.Where(b => b.GetProperty("type").GetString() == "actions"),
            b => Assert.InRange(b.GetProperty("elements").GetArrayLength(), 1, SlackWebClient.MaxElementsPerActionsBlock));
        Assert.Equal(30, request.Buttons.Length);
        Assert.All(request.Buttons, b => Assert.InRange(b.GetProperty("text").GetProperty("text").GetString()!.Length, 1, SlackWebClient.MaxButtonTextLength));
        Assert.Equal(choices[0].Title, request.Buttons[0].GetProperty("value").GetString());
        Assert.Equal(30, request.Buttons.Select(b => b.GetProperty("action_id").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task A_rate_limited_call_is_retried_after_Retry_After()
    {
        api.Respond(429, """{"ok":false,"error":"ratelimited"}""", retryAfter: "1").RespondWithFixture("web_chat_postMessage_ok.json");

        var result = await SendAsync(Reply("Thanks for your patience."));

        Assert.Equal(SendOutcome.Delivered, result.Outcome);
        var requests = api.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.True(Stopwatch.GetElapsedTime(requests[0].ReceivedAt, requests[1].ReceivedAt) >= TimeSpan.FromMilliseconds(950));
    }

    [Fact]
    public async Task A_rate_limit_longer_than_the_pipeline_waits_comes_back_as_throttled_at_once()
    {
        api.Respond(429, """{"ok":false,"error":"ratelimited"}""", retryAfter: "120");

        var result = await SendAsync(Reply("Thanks for your patience."));

        Assert.Equal(SendOutcome.Throttled, result.Outcome);
        Assert.Single(api.Requests);
    }

    [Fact]
    public async Task A_ratelimited_error_in_an_ok_answer_is_throttled()
    {
        api.RespondWithError("ratelimited");

        Assert.Equal(SendOutcome.Throttled, (await SendAsync(Reply("Hello"))).Outcome);
    }

    [Fact]
    public async Task A_server_error_is_retried()
    {
        api.Respond(503, "upstream unavailable").RespondWithFixture("web_chat_postMessage_ok.json");

        var result = await SendAsync(Reply("Hello"));

        Assert.Equal(new SendResult(SendOutcome.Delivered, PostedTs), result);
        Assert.Equal(2, api.Requests.Count);
    }

    [Fact]
    public async Task A_missing_scope_error_fails_with_the_needed_scope()
    {
        api.RespondWithFixture("web_error_missing_scope.json");

        var result = await SendAsync(Reply("Hello"));

        Assert.Equal(SendOutcome.Failed, result.Outcome);
        Assert.Equal("missing_scope (needed: identity.basic)", result.Detail);
        Assert.Single(api.Requests); // an ok:false answer is not retried
    }

    [Fact]
    public async Task An_archived_channel_is_gone()
    {
        api.RespondWithError("is_archived");

        var result = await SendAsync(Reply("Hello"));

        Assert.Equal(new SendResult(SendOutcome.ConversationGone, Detail: "is_archived"), result);
    }

    [Theory]
    [InlineData("channel_not_found")]
    [InlineData("not_in_channel")]
    [InlineData("account_inactive")]
    public async Task A_channel_the_bot_cannot_reach_any_more_is_gone(string error)
    {
        api.RespondWithError(error);

        Assert.Equal(SendOutcome.ConversationGone, (await SendAsync(Reply("Hello"))).Outcome);
    }

    [Fact]
    public async Task Other_errors_fail_with_the_error_code()
    {
        api.RespondWithError("invalid_blocks");

        Assert.Equal(new SendResult(SendOutcome.Failed, Detail: "invalid_blocks"), await SendAsync(Reply("Hello")));
    }

    [Fact]
    public async Task The_message_text_never_reaches_the_logs()
    {
        const string customerDetails = "Jane Roe, card ending 4242, 12 Elm Street";
        api.RespondWithError("channel_not_found").RespondWithFixture("web_chat_postMessage_ok.json");
        var client = Client();

        await SendAsync(Reply("Sorry, " + customerDetails), client);
        await client.UpdateAsync("https://unused.example/", Reply("Updated for " + customerDetails) with { Id = PostedTs }, CancellationToken.None);

        var failure = Assert.Single(logs.Entries, e => e.EventId.Id == 1301);
        Assert.Contains("channel_not_found", failure.Message, StringComparison.Ordinal);
        Assert.Contains("C123ABC456", failure.Message, StringComparison.Ordinal);
        Assert.Contains(logs.Entries, e => e.EventId.Id != 1301); // the HTTP client's and the pipeline's own logs were captured too
        foreach (var entry in logs.Entries)
        {
            var logged = entry.Message + string.Join(" ", entry.State.Select(kv => kv.Value?.ToString()));
            Assert.DoesNotContain("4242", logged, StringComparison.Ordinal);
            Assert.DoesNotContain("Elm Street", logged, StringComparison.Ordinal);
            Assert.DoesNotContain(Token, logged, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Update_edits_the_message_by_its_ts()
    {
        api.RespondWithFixture("web_chat_postMessage_ok.json");

        var result = await Client().UpdateAsync("https://unused.example/",
            Reply("Refund **approved**", conversationId: "C0LAN2Q65:1515449483.000108") with { Id = PostedTs }, CancellationToken.None);

        Assert.Equal(SendOutcome.Delivered, result.Outcome);
        var request = Assert.Single(api.Requests);
        Assert.Equal("/api/chat.update", request.Path);
        Assert.Equal("Bearer " + Token, request.Authorization);
        Assert.Equal("C0LAN2Q65", request.Json.GetProperty("channel").GetString());
        Assert.Equal(PostedTs, request.Json.GetProperty("ts").GetString());
        Assert.Equal("Refund *approved*", request.Json.GetProperty("text").GetString());
        Assert.Equal(0, request.Json.GetProperty("blocks").GetArrayLength()); // the old buttons go
        Assert.False(request.Json.TryGetProperty("thread_ts", out _));
    }

    [Fact]
    public async Task A_missing_bot_token_fails_without_calling_Slack_and_is_logged_once()
    {
        var client = Client(token: null);

        var first = await SendAsync(Reply("Hello"), client);
        var second = await SendAsync(Reply("Hello again"), client);

        Assert.Equal(SendOutcome.Failed, first.Outcome);
        Assert.Contains("Slack:BotToken", first.Detail, StringComparison.Ordinal);
        Assert.Equal(first, second);
        Assert.Empty(api.Requests);
        Assert.Single(logs.Entries, e => e.EventId.Id == 1302);
    }

    [Fact]
    public async Task Typing_is_not_sent_to_Slack()
    {
        var result = await SendAsync(new Activity { Type = ActivityTypes.Typing, Conversation = new ConversationAccount { Id = "C123ABC456" } });

        Assert.Equal(SendOutcome.Delivered, result.Outcome);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task A_card_without_text_is_sent_as_its_fallback_text()
    {
        api.RespondWithFixture("web_chat_postMessage_ok.json");
        var card = JsonSerializer.SerializeToElement(new { type = "AdaptiveCard", version = "1.5", fallbackText = "Case SR-1042 needs **approval**", body = Array.Empty<object>() });

        await SendAsync(Reply("") with { Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = card }] });

        Assert.Equal("Case SR-1042 needs *approval*", Assert.Single(api.Requests).Json.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_message_with_nothing_to_show_fails_without_calling_Slack()
    {
        var result = await SendAsync(Reply("  "));

        Assert.Equal(SendOutcome.Failed, result.Outcome);
        Assert.Empty(api.Requests);
    }

    /// <summary>Every category's logs, the HTTP client's and the resilience pipeline's included, into one capture.</summary>
    private sealed class EveryCategory(CapturingLogger<SlackWebClient> sink) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => sink;

        public void Dispose()
        {
        }
    }
}
