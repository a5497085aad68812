using System.Net;
using System.Text.Json.Nodes;
using ServiceRecoveryBot.IntegrationTests.Infrastructure;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Testing;
using ServiceRecoveryBot.Understanding;
using static ServiceRecoveryBot.IntegrationTests.Entry.TeamsMessageActionPayloads;

namespace ServiceRecoveryBot.IntegrationTests.Entry;

/// <summary>
/// Teams' "Log as service recovery" message action through the real host and Azurite (issue 26 points 1 and 4): the
/// form pre-filled from the message, its submit opening the case in the invoker's personal chat and telling the
/// thread, conversations the bot is not in refused, and the answer given within the deadline while the work goes on.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TeamsMessageActionTests(AzuriteFixture azurite) : BotHostTest(azurite)
{
    private const string Message = "<div><div>Table 12 waited 50 min for their mains, guest furious &amp; asking for the manager</div></div>";
    private const string MessageText = "Table 12 waited 50 min for their mains, guest furious & asking for the manager";
    private const string Thread = Channel + ";messageid=" + RootMessageId;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Recovery:Walk"] = "Quick" };

    private string Team => "msteams:" + Tenant;

    /// <summary>The bot is in the team (installed there), and the invoker has said hello in a personal chat with it.</summary>
    private async Task<string> InstalledAndGreetedAsync()
    {
        await PostAsync(Fixture("teams-conversationupdate-bot-added-team.json"));
        var hello = Fixture("teams-message-personal.json");
        hello["id"] = Guid.NewGuid().ToString("N");
        hello["text"] = "hi";
        hello["channelData"]!["tenant"]!["id"] = Tenant;
        await PostAsync(hello);
        Connector.Received.Clear();
        return hello["conversation"]!["id"]!.GetValue<string>();
    }

    private JsonObject Fixture(string name)
    {
        var json = JsonNode.Parse(File.ReadAllText(SharedFixtures.Fixture("teams", name)))!.AsObject();
        json["serviceUrl"] = Connector.ServiceUrl;
        return json;
    }

    private Task<HttpResponseMessage> PostAsync(JsonObject activity, HttpClient? client = null) =>
        (client ?? Http).PostAsync("/api/messages", new StringContent(activity.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

    private static async Task<JsonNode> TaskOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["task"]!;
    }

    private static JsonObject Input(JsonNode card, string id) =>
        card["body"]!.AsArray().Single(b => b!["id"]?.GetValue<string>() == id)!.AsObject();

    private static JsonObject Form(string category, string severity) => new()
    {
        ["incident"] = MessageText, ["reporter"] = "Olo Brockhouse", ["category"] = category, ["severity"] = severity,
    };

    [Fact]
    public async Task The_form_is_pre_filled_from_the_message_with_what_the_DM_would_suggest()
    {
        await InstalledAndGreetedAsync();

        var task = await TaskOf(await PostAsync(FetchTask(Connector.ServiceUrl, Message)));

        Assert.Equal("continue", task["type"]!.GetValue<string>());
        var card = task["value"]!["card"]!;
        Assert.Equal(Attachment.AdaptiveCardContentType, card["contentType"]!.GetValue<string>());
        var content = card["content"]!;
        Assert.Equal(MessageText, Input(content, "incident")["value"]!.GetValue<string>());
        Assert.Equal("Olo Brockhouse", Input(content, "reporter")["value"]!.GetValue<string>());
        var dm = Factory.Services.GetRequiredService<IUnderstanding>().Understand(MessageText, UnderstandingPurpose.CaseOpening, CancellationToken.None);
        var category = Input(content, "category");
        Assert.Equal(dm.Category!.Value.ToString(), category["value"]!.GetValue<string>());
        Assert.Contains(category["choices"]!.AsArray(), c => c!["value"]!.GetValue<string>() == dm.Category.ToString() && c["title"]!.GetValue<string>().EndsWith("(suggested)", StringComparison.Ordinal));
        Assert.InRange(int.Parse(Input(content, "severity")["value"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), 1, 4);
        Assert.Empty(Connector.Received);
    }

    [Fact]
    public async Task A_Spanish_Teams_client_gets_the_form_in_Spanish()
    {
        await InstalledAndGreetedAsync();
        var invoke = FetchTask(Connector.ServiceUrl, Message);
        invoke["locale"] = "es-ES";

        var task = await TaskOf(await PostAsync(invoke));

        Assert.Equal("Registrar recuperación", task["value"]!["title"]!.GetValue<string>());
        Assert.Equal("Qué pasó", Input(task["value"]!["card"]!["content"]!, "incident")["label"]!.GetValue<string>());
    }

    [Fact]
    public async Task Submitting_opens_the_case_in_the_invokers_chat_and_tells_the_thread()
    {
        var personal = await InstalledAndGreetedAsync();

        var task = await TaskOf(await PostAsync(SubmitAction(Connector.ServiceUrl, Message, Form("StaffBehaviour", "3"))));

        Assert.Equal("message", task["type"]!.GetValue<string>());
        var said = task["value"]!.GetValue<string>();
        var id = CaseId.TryParse(said.Split(' ').First(w => w.StartsWith("SR-", StringComparison.Ordinal)))!.Value;
        var opened = await Factory.Services.GetRequiredService<ICaseStore>().FindAsync(Team, id, CancellationToken.None);
        Assert.NotNull(opened);
        Assert.Equal((InvokerId, MessageText, personal), (opened.StaffId, opened.WhatHappened, opened.ConversationId));
        Assert.Equal("Logged from a message by Olo Brockhouse", opened.Timeline[0].Note);

        var inChat = Connector.Received.Where(r => r.ConversationId == personal).Select(r => r.Activity).Where(a => a.Type == ActivityTypes.Message).ToList();
        Assert.StartsWith($"Case {id}", inChat[0].Text, StringComparison.Ordinal);
        var capture = JsonNode.Parse(inChat[^1].Attachments![0].Content!.Value.GetRawText())!;
        Assert.Equal("StaffBehaviour", Input(capture, "category")["value"]!.GetValue<string>());
        Assert.Equal("3", Input(capture, "severity")["value"]!.GetValue<string>());

        var thread = await Connector.WaitForAsync(r => r.ConversationId == Thread, TimeSpan.FromSeconds(30));
        var card = JsonNode.Parse(Assert.Single(thread.Activity.Attachments!).Content!.Value.GetRawText())!;
        Assert.Equal($"Case {id} opened by Megan Bowen. I'm coaching them through the recovery in our chat.", card["body"]![0]!["text"]!.GetValue<string>());
        Assert.Null(thread.ReplyToId);
    }

    [Fact]
    public async Task From_a_team_the_bot_is_not_in_the_action_says_so_and_opens_nothing()
    {
        await InstalledAndGreetedAsync();

        var task = await TaskOf(await PostAsync(FetchTask(Connector.ServiceUrl, Message, teamId: "19:another-team@thread.tacv2", channel: "19:another-channel@thread.tacv2")));

        Assert.Equal("message", task["type"]!.GetValue<string>());
        Assert.StartsWith("I'm not in this conversation", task["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(await Factory.Services.GetRequiredService<ICaseStore>().ListAsync(Team, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Someone_who_never_chatted_with_the_bot_is_asked_to_say_hello_first()
    {
        await PostAsync(Fixture("teams-conversationupdate-bot-added-team.json"));

        var task = await TaskOf(await PostAsync(SubmitAction(Connector.ServiceUrl, Message, Form("WaitOrDelay", "2"))));

        Assert.StartsWith("I can't reach you in a chat with me yet", task["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(await Factory.Services.GetRequiredService<ICaseStore>().ListAsync(Team, 10, CancellationToken.None));
    }

    [Fact]
    public async Task The_submit_is_answered_within_the_deadline_and_the_case_opens_after()
    {
        var personal = await InstalledAndGreetedAsync();
        // A second instance on the same tables whose deadline is short, with a Connector that answers only when told.
        await using var quick = new BotFactory(Azurite, Factory.TablePrefix, new Dictionary<string, string?> { ["Recovery:Walk"] = "Quick", ["Messages:AckBudget"] = "00:00:00.2" });
        using var client = quick.CreateClient();
        var connectorAnswers = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Connector.Hold(connectorAnswers.Task);

        var task = await TaskOf(await PostAsync(SubmitAction(Connector.ServiceUrl, Message, Form("WaitOrDelay", "2")), client).WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Contains("SR-", task["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(Connector.Received);
        connectorAnswers.SetResult();
        var first = await Connector.WaitForAsync(r => r.ConversationId == personal && r.Activity.Text?.StartsWith("Case SR-", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(30));
        Assert.Contains(first.Activity.Text!.Split(' ')[1], task["value"]!.GetValue<string>(), StringComparison.Ordinal);
        await Connector.WaitForAsync(r => r.ConversationId == Thread, TimeSpan.FromSeconds(30));
    }
}
