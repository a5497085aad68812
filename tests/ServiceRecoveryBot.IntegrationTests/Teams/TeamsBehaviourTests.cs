using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServiceRecoveryBot.Conversations.References;
using ServiceRecoveryBot.IntegrationTests.Infrastructure;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.IntegrationTests.Teams;

/// <summary>Recorded Teams payloads posted to /api/messages (serviceUrl pointed at a loopback connector).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TeamsBehaviourTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private LoopbackConnector connector = null!;
    private BotFactory factory = null!;
    private HttpClient http = null!;

    public async Task InitializeAsync()
    {
        connector = await LoopbackConnector.StartAsync();
        factory = new BotFactory(azurite, AzuriteFixture.NewTablePrefix());
        http = factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await factory.DisposeAsync();
        await connector.DisposeAsync();
    }

    private static JsonObject Fixture(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "shared", "fixtures", "teams", name);
            if (File.Exists(path)) return JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        }
        var shared = Environment.GetEnvironmentVariable("SHARED_DIR") ?? throw new InvalidOperationException("shared/fixtures not found");
        return JsonNode.Parse(File.ReadAllText(Path.Combine(shared, "fixtures", "teams", name)))!.AsObject();
    }

    private async Task<HttpResponseMessage> PostFixtureAsync(string name, Action<JsonObject>? edit = null)
    {
        var json = Fixture(name);
        json["serviceUrl"] = connector.ServiceUrl;
        edit?.Invoke(json);
        return await http.PostAsync("/api/messages", new StringContent(json.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
    }

    private IConversationReferenceStore References => factory.Services.GetRequiredService<IConversationReferenceStore>();

    [Fact]
    public async Task Installing_in_a_team_stores_the_channel_reference_and_says_hello_once()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostFixtureAsync("teams-conversationupdate-bot-added-team.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostFixtureAsync("teams-installationupdate-add-team.json", j =>
        {
            j["conversation"]!["id"] = "19:8d46058cda57449380517cc374727f2a@thread.tacv2";
            j["conversation"]!["tenantId"] = "f5ffd8cf-a1aa-4242-adad-86509faa3be5";
        })).StatusCode);

        var hello = Assert.Single(connector.Received, r => r.Activity.Type == ActivityTypes.Message);
        Assert.Contains("Hello! I'm ServiceRecoveryBot", hello.Activity.Text, StringComparison.Ordinal);
        var stored = Assert.Single(await References.ListAsync("msteams:f5ffd8cf-a1aa-4242-adad-86509faa3be5", CancellationToken.None));
        Assert.Equal(ReferenceKind.Channel, stored.Kind);
        Assert.Equal("19:8d46058cda57449380517cc374727f2a@thread.tacv2", stored.ConversationId);
        Assert.Equal(connector.ServiceUrl, stored.Reference.ServiceUrl);
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
        var reply = Assert.Single(connector.Received, r => r.Activity.Type == ActivityTypes.Message);
        Assert.Equal("19:6848757105754c8981c67612732d9aa7@thread.tacv2;messageid=1759881511856", reply.ConversationId);
        Assert.Contains("Start a case", reply.Activity.Text, StringComparison.Ordinal);   // "help" was understood without the mention
    }

    [Fact]
    public async Task A_personal_message_starts_a_recovery()
    {
        await PostFixtureAsync("teams-message-personal.json", j => j["text"] = "Guest at checkout disputing a $38 minibar charge");
        Assert.Contains(connector.Received, r => r.Activity.Text?.StartsWith("Case SR-", StringComparison.Ordinal) == true);
        var stored = Assert.Single(await References.ListAsync("msteams:72f988bf-86f1-41af-91ab-2d7cd011db47", CancellationToken.None));
        Assert.Equal(ReferenceKind.User, stored.Kind);
    }
}
