using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ServiceRecoveryBot.Turns.Effects;
using ServiceRecoveryBot.Turns.State;
using ServiceRecoveryBot.IntegrationTests.Infrastructure;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Testing;

namespace ServiceRecoveryBot.IntegrationTests.Managers;

/// <summary>
/// A manager approves in Slack: the request arrives in their DM (no managers' channel) as Block Kit buttons, a press
/// decides it once, and the staff member hears it in the case's DM. Signed requests to the real host and Azurite;
/// Slack's Web API on loopback.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SlackApprovalTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Secret = "test-signing-secret";
    private const string Team = "T061EG9R6";
    private const string StaffDm = "D024BE91L";
    private const string ManagerDm = "D0MANAGER";
    private const string ManagerId = "U0MANAGER";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private LoopbackSlackApi slack = null!;
    private BotFactory factory = null!;
    private HttpClient http = null!;
    private int sequence;

    public async Task InitializeAsync()
    {
        slack = (await LoopbackSlackApi.StartAsync()).RespondWithFixture("web_chat_postMessage_ok.json")
            .RespondTo("users.info", """{"ok":true,"user":{"id":"U0MANAGER","profile":{"display_name":"Maria"}}}""");
        factory = new BotFactory(azurite, AzuriteFixture.NewTablePrefix(), new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = Secret,
            ["Slack:BotToken"] = "xoxb-test-token",
            ["Slack:ApiBaseUrl"] = slack.BaseUrl.ToString(),
            ["Slack:AckBudget"] = "00:01:00",
            ["Managers:Teams:0:TeamKey"] = "slack:" + Team,
            ["Managers:Teams:0:UserIds:0"] = ManagerId,
        });
        http = factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await factory.DisposeAsync();
        await slack.DisposeAsync();
    }

    [Fact]
    public async Task A_button_press_in_the_managers_DM_approves_once_and_the_staff_member_hears_it_in_the_case_DM()
    {
        await SayAsync(ManagerDm, ManagerId, "hi");
        await SayAsync(StaffDm, "U2147483697", "No reservation on file for the Okafor couple but they have our confirmation. We're sold out.");
        foreach (var answer in new[] { "1", "skip", "regular", "We've been travelling for fourteen hours.", "1", "done", "skip", "1" })
            await SayAsync(StaffDm, "U2147483697", answer);
        var before = Posts.Count;
        await SayAsync(StaffDm, "U2147483697", "$120 credit for a night elsewhere");
        Assert.Contains(Posts.Skip(before), p => p.Json.GetProperty("text").GetString() == "I've asked Maria for approval; you'll hear the decision here.");
        await SettledAsync(StaffDm);

        var request = Assert.Single(Posts, p => p.Json.GetProperty("channel").GetString() == ManagerDm && p.Buttons.Length > 0);
        var buttons = request.Buttons.Select(b => (b.GetProperty("text").GetProperty("text").GetString(), b.GetProperty("value").GetString())).ToList();
        var id = CaseId.TryParse(buttons[0].Item2!.Split(' ')[1])!.Value;
        Assert.Equal([("Approve", $"approve {id}"), ("Decline", $"decline {id}")], buttons);

        await PressAsync(ManagerDm, ManagerId, $"approve {id}");
        await SettledAsync(ManagerDm);
        Assert.Contains(Posts, p => p.Json.GetProperty("channel").GetString() == ManagerDm && p.Json.GetProperty("text").GetString()!.StartsWith("Approved by Maria: $120", StringComparison.Ordinal));
        Assert.Contains(Posts, p => p.Json.GetProperty("channel").GetString() == StaffDm && p.Json.GetProperty("text").GetString()!.StartsWith("Good news: Maria approved", StringComparison.Ordinal));

        var second = Posts.Count;
        await PressAsync(ManagerDm, ManagerId, $"decline {id}");
        Assert.Contains(Posts.Skip(second), p => p.Json.GetProperty("text").GetString()!.StartsWith($"{id} was already approved by Maria at ", StringComparison.Ordinal));
        Assert.Equal(ApprovalState.Approved, (await factory.Services.GetRequiredService<ICaseStore>().FindAsync("slack:" + Team, id, CancellationToken.None))?.Atonement?.Approval);
    }

    private IReadOnlyList<SlackApiRequest> Posts => slack.To("chat.postMessage");

    private Task SettledAsync(string channel) =>
        factory.Services.GetRequiredService<ServiceRecoveryBot.Turns.Outbox>().SettledAsync(new ConversationKey("slack", channel)).WaitAsync(Bound);

    private async Task SayAsync(string channel, string user, string text)
    {
        var ts = $"1700000{Interlocked.Increment(ref sequence):D3}.000100";
        var json = JsonNode.Parse(File.ReadAllText(SharedFixtures.Fixture("slack", "event_callback_message_im.json")))!;
        json["team_id"] = Team;
        json["event"]!["channel"] = channel;
        json["event"]!["user"] = user;
        json["event"]!["text"] = text;
        json["event"]!["ts"] = ts;
        json["event"]!["event_ts"] = ts;
        json["event_id"] = "Ev" + ts.Replace(".", "", StringComparison.Ordinal);
        (await PostSignedAsync("/api/slack/events", json.ToJsonString(), "application/json")).EnsureSuccessStatusCode();
    }

    private async Task PressAsync(string channel, string user, string value)
    {
        var payload = JsonNode.Parse(File.ReadAllText(SharedFixtures.Fixture("slack", "interaction_block_actions.json")))!;
        payload["channel"]!["id"] = channel;
        payload["user"]!["id"] = user;
        payload["team"] = new JsonObject { ["id"] = Team };
        payload["actions"]![0]!["value"] = value;
        payload["actions"]![0]!["action_ts"] = $"1700001{Interlocked.Increment(ref sequence):D3}.000200";
        (await PostSignedAsync("/api/slack/interactions", "payload=" + Uri.EscapeDataString(payload.ToJsonString()), "application/x-www-form-urlencoded")).EnsureSuccessStatusCode();
    }

    private async Task<HttpResponseMessage> PostSignedAsync(string path, string body, string contentType)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes("v0:" + timestamp + ":" + body))));
        return await http.SendAsync(request);
    }
}
