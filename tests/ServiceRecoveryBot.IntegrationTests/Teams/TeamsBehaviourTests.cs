using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServiceRecoveryBot.Turns.References;
using ServiceRecoveryBot.IntegrationTests.Infrastructure;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Testing;

namespace ServiceRecoveryBot.IntegrationTests.Teams;

/// <summary>Recorded Teams payloads posted to /api/messages (serviceUrl pointed at a loopback Connector).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TeamsBehaviourTests(AzuriteFixture azurite) : BotHostTest(azurite)
{

    private static JsonObject Fixture(string name) => JsonNode.Parse(File.ReadAllText(SharedFixtures.Fixture("teams", name)))!.AsObject();

    private async Task<HttpResponseMessage> PostFixtureAsync(string name, Action<JsonObject>? edit = null)
    {
        var json = Fixture(name);
        json["serviceUrl"] = Connector.ServiceUrl;
        edit?.Invoke(json);
        return await Http.PostAsync("/api/messages", new StringContent(json.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
    }

    private IConversationReferenceStore References => Factory.Services.GetRequiredService<IConversationReferenceStore>();

    [Fact]
    public async Task Installing_in_a_team_stores_the_channel_reference_and_says_hello_once()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostFixtureAsync("teams-conversationupdate-bot-added-team.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostFixtureAsync("teams-installationupdate-add-team.json", j =>
        {
            j["conversation"]!["id"] = "19:8d46058cda57449380517cc374727f2a@thread.tacv2";
            j["conversation"]!["tenantId"] = "f5ffd8cf-a1aa-4242-adad-86509faa3be5";
        })).StatusCode);

        var hello = Assert.Single(Connector.Received, r => r.Activity.Type == ActivityTypes.Message);
        Assert.Contains("Hello! I'm ServiceRecoveryBot", hello.Activity.Text, StringComparison.Ordinal);
        var stored = Assert.Single(await References.ListAsync("msteams:f5ffd8cf-a1aa-4242-adad-86509faa3be5", CancellationToken.None));
        Assert.Equal(ReferenceKind.Channel, stored.Kind);
        Assert.Equal("19:8d46058cda57449380517cc374727f2a@thread.tacv2", stored.ConversationId);
        Assert.Equal(Connector.ServiceUrl, stored.Reference.ServiceUrl);
        Assert.NotNull(stored.TeamId);
    }

    [Fact]
    public async Task Removing_the_bot_from_a_team_forgets_the_reference()
    {
        await PostFixtureAsync("teams-conversationupdate-bot-added-team.json");
        await PostFixtureAsync("teams-conversationupdate-bot-removed-team.json");
        Assert.Empty(await References.ListAsync("msteams:f5ffd8cf-a1aa-4242-adad-86509faa3be5", CancellationToken.None));
    }

    [Fact]
    public async Task A_personal_install_stores_the_users_reference()
    {
        await PostFixtureAsync("teams-conversationupdate-bot-added-personal.json");
        var stored = Assert.Single(await References.ListAsync("msteams:f5ffd8cf-a1aa-4242-adad-86509faa3be5", CancellationToken.None));
        Assert.Equal(ReferenceKind.User, stored.Kind);
        Assert.StartsWith("a:", stored.ConversationId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_channel_message_has_the_bots_mention_stripped_and_is_answered_in_its_thread()
    {
        var response = await PostFixtureAsync("teams-message-channel-mention.json", j => j["text"] = "<at>ridotest</at> help");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(Connector.Received, r => r.Activity.Type == ActivityTypes.Message);
        Assert.Equal("19:6848757105754c8981c67612732d9aa7@thread.tacv2;messageid=1759881511856", reply.ConversationId);
        Assert.Contains("Start a case", reply.Activity.Text, StringComparison.Ordinal);   // "help" was understood without the mention
    }

    [Fact]
    public async Task A_personal_message_starts_a_recovery()
    {
        await PostFixtureAsync("teams-message-personal.json", j => j["text"] = "Guest at checkout disputing a $38 minibar charge");
        Assert.Contains(Connector.Received, r => r.Activity.Text?.StartsWith("Case SR-", StringComparison.Ordinal) == true);
        var stored = Assert.Single(await References.ListAsync("msteams:72f988bf-86f1-41af-91ab-2d7cd011db47", CancellationToken.None));
        Assert.Equal(ReferenceKind.User, stored.Kind);
    }

    [Fact]
    public async Task An_action_execute_invoke_is_answered_with_a_card_that_replaces_the_clicked_one()
    {
        var response = await PostFixtureAsync("teams-invoke-adaptivecard-action.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, (int)body["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        Assert.Equal("AdaptiveCard", (string?)body["value"]!["type"]);
        Assert.DoesNotContain("actions", body["value"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_card_action_gets_an_error_body_and_an_unknown_invoke_gets_501()
    {
        var bad = await PostFixtureAsync("teams-invoke-adaptivecard-action.json", j => j["value"] = new JsonObject { ["trigger"] = "manual" });
        var body = JsonNode.Parse(await bad.Content.ReadAsStringAsync())!;
        Assert.Equal(400, (int)body["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.error", (string?)body["type"]);

        var unknown = await PostFixtureAsync("teams-invoke-adaptivecard-action.json", j => j["name"] = "task/fetch");
        Assert.Equal(HttpStatusCode.NotImplemented, unknown.StatusCode);
    }

    [Fact]
    public async Task A_card_submit_routes_into_the_waterfall_and_the_card_is_replaced_so_it_cannot_be_used_twice()
    {
        await PostFixtureAsync("teams-message-personal.json", j => j["text"] = "Guest at checkout disputing a $38 minibar charge");
        var response = await PostFixtureAsync("teams-message-personal.json", j =>
        {
            j["id"] = "submit-1";
            j["text"] = null;
            j["replyToId"] = "card-42";
            j["value"] = new JsonObject { ["answer"] = "BillingError" };
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The next question: a card with its Skip button in Teams.
        Assert.Contains(Connector.Received, r => r.ReplyToId == "submit-1" && r.Activity.Attachments is [{ } next] && next.Content!.Value.GetRawText().Contains("customer", StringComparison.OrdinalIgnoreCase));
        var replaced = Assert.Single(Connector.Updated);
        Assert.Equal("card-42", replaced.ReplyToId);
        Assert.Contains("BillingError", replaced.Activity.Attachments![0].Content!.Value.GetRawText(), StringComparison.Ordinal);
    }
}
