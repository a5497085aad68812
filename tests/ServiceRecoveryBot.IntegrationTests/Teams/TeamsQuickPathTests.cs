using System.Text.Json;
using System.Text.Json.Nodes;
using ServiceRecoveryBot.IntegrationTests.Infrastructure;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Testing;

namespace ServiceRecoveryBot.IntegrationTests.Teams;

/// <summary>
/// The quick path in Teams' form through the real host and Azurite (issue 22 points 1-3, 8): the words to say first, one
/// Adaptive Card with the answers pre-filled, its submit logging the case, and a submit from an older card refused.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TeamsQuickPathTests(AzuriteFixture azurite) : BotHostTest(azurite)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Recovery:Walk"] = "Quick" };

    private Task<HttpResponseMessage> PostAsync(string conversation, Action<JsonObject> edit)
    {
        var json = JsonNode.Parse(File.ReadAllText(SharedFixtures.Fixture("teams", "teams-message-personal.json")))!.AsObject();
        json["serviceUrl"] = Connector.ServiceUrl;
        json["id"] = Guid.NewGuid().ToString("N");
        json["conversation"]!["id"] = conversation;
        edit(json);
        return Http.PostAsync("/api/messages", new StringContent(json.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
    }

    private static JsonObject? CardOf(Activity activity) =>
        activity.Attachments?.FirstOrDefault(a => a.ContentType == Attachment.AdaptiveCardContentType)?.Content is { } content
            ? JsonNode.Parse(content.GetRawText())!.AsObject()
            : null;

    [Fact]
    public async Task The_first_reply_says_what_to_say_then_one_card_logs_the_case_and_an_older_card_is_refused()
    {
        const string conversation = "a:quick-teams-1";
        await PostAsync(conversation, j => j["text"] = "Guest at table 12 furious, steak overcooked twice");

        var replies = Connector.Received.Where(r => r.ConversationId == conversation && r.Activity.Type == ActivityTypes.Message).Select(r => r.Activity).ToList();
        Assert.StartsWith("Case SR-", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("Say this now", replies[0].Text, StringComparison.Ordinal);
        var card = CardOf(replies[^1]) ?? throw new Xunit.Sdk.XunitException("The last reply carries no card.");
        Assert.Equal("expectingInput", replies[^1].InputHint);
        var inputs = card["body"]!.AsArray().Select(b => b!["id"]?.GetValue<string>()).Where(id => id is not null).ToList();
        Assert.Equal(["category", "customer", "tier", "severity", "fix", "atonement", "promise", "followUp"], inputs);
        var step = card["actions"]![0]!["data"]!["step"]!.GetValue<string>();
        var id = CaseId.TryParse(step["quick:".Length..])!.Value;

        Connector.Received.Clear();
        await PostAsync(conversation, j =>
        {
            j.Remove("text");
            j.Remove("attachments");
            j["value"] = new JsonObject
            {
                ["step"] = step, ["submit"] = "log", ["category"] = "ProductOrFoodQuality", ["customer"] = "table 12", ["tier"] = "Regular",
                ["severity"] = "2", ["fix"] = "Replaced the steak", ["atonement"] = "Dessert on the house", ["promise"] = "", ["followUp"] = "default",
            };
        });

        var stored = await Factory.Services.GetRequiredService<ICaseStore>().FindAsync(TeamOf(), id, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(CaseStatus.AwaitingFollowUp, stored.Status);
        Assert.Equal(CustomerTier.Regular, stored.Customer?.Tier);
        Assert.Equal("Replaced the steak", stored.FixDone);
        Assert.Contains(Connector.Received, r => r.Activity.Text?.Contains("remind you to follow up", StringComparison.Ordinal) == true);

        await PostAsync(conversation, j => j["text"] = "Drinks took 25 minutes at table 9, guest annoyed");
        Connector.Received.Clear();
        await PostAsync(conversation, j =>
        {
            j.Remove("text");
            j.Remove("attachments");
            j["value"] = new JsonObject { ["step"] = step, ["submit"] = "log", ["severity"] = "4" };
        });
        var answer = Connector.Received.Where(r => r.ConversationId == conversation).Select(r => r.Activity).ToList();
        Assert.Equal("That card is old; here is the current question.", answer[0].Text);
        Assert.NotNull(CardOf(answer[^1]));
    }

    private string TeamOf()
    {
        var json = JsonNode.Parse(File.ReadAllText(SharedFixtures.Fixture("teams", "teams-message-personal.json")))!;
        return "msteams:" + json["channelData"]!["tenant"]!["id"]!.GetValue<string>();
    }
}
