using System.Text.Json.Nodes;
using ServiceRecoveryBot.IntegrationTests.Infrastructure;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Testing;
using ServiceRecoveryBot.Turns.State;

namespace ServiceRecoveryBot.IntegrationTests.Teams;

/// <summary>
/// A new team, no managers configured: the installer, or a tenant admin, registers the managers' channel and adds
/// managers in either order. Recorded Teams payloads through the real host and Azurite.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TeamsFirstRunTests(AzuriteFixture azurite) : BotHostTest(azurite)
{
    private const string Tenant = "ce067f64-338d-44a0-89fb-7fc8973e254f";
    private const string Channel = "19:7c8cd8b4b4ad4e73a2957e6daad706ef@thread.tacv2";
    private const string Installer = "29:1OG0nX1xCYfjz1_OSjsk4d5Ix51njAv7AMuc3fq18b0URfOSHBQs58aGFgsVJm4f--gX-EQSV8o_pbHXc-gZ9dA";
    private const string Admin = "29:tenant-admin";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Managers:Admins:0"] = Admin };

    [Fact]
    public async Task The_installer_of_a_new_team_is_told_how_and_adds_a_manager_then_registers_the_channel()
    {
        await PostAsync("teams-installationupdate-add-team.json", j => j["serviceUrl"] = Connector.ServiceUrl);
        await Factory.Services.GetRequiredService<ServiceRecoveryBot.Turns.Outbox>().SettledAsync(new ConversationKey("msteams", Channel)).WaitAsync(TimeSpan.FromSeconds(30));

        var hello = Assert.Single(Connector.Received, r => r.Activity.Type == ActivityTypes.Message).Activity.Text;
        Assert.Contains("you are its first manager", hello, StringComparison.Ordinal);
        Assert.Contains("register channel", hello, StringComparison.Ordinal);
        Assert.Contains("add manager @name", hello, StringComparison.Ordinal);

        Assert.Contains("maria", await SayInChannelAsync(Installer, "add manager maria"), StringComparison.Ordinal);
        Assert.StartsWith("This is now the team's recovery channel", await SayInChannelAsync(Installer, "register channel"), StringComparison.Ordinal);
    }

    /// <summary>Before: "Only managers can do that", and only a manager could add one: no one could start.</summary>
    [Fact]
    public async Task A_tenant_admin_registers_the_channel_of_a_team_that_has_no_manager_yet()
    {
        Assert.StartsWith("This is now the team's recovery channel", await SayInChannelAsync(Admin, "register channel"), StringComparison.Ordinal);
        Assert.Contains("Only managers can do that", await SayInChannelAsync("29:someone-else", "register channel"), StringComparison.Ordinal);
    }

    /// <summary>Says <paramref name="text"/> to the bot with an @mention in the team's channel and returns its reply.</summary>
    private async Task<string> SayInChannelAsync(string from, string text)
    {
        var id = Guid.NewGuid().ToString("N");
        await PostAsync("teams-message-channel-mention.json", j =>
        {
            j["id"] = id;
            j["serviceUrl"] = Connector.ServiceUrl;
            j["text"] = "<at>ridotest</at> " + text;
            j["attachments"] = new JsonArray();
            j["from"] = new JsonObject { ["id"] = from, ["name"] = "Installer" };
            j["conversation"]!["tenantId"] = Tenant;
            j["conversation"]!["id"] = Channel + ";messageid=" + id;
            j["channelData"]!["tenant"]!["id"] = Tenant;
        });
        await Factory.Services.GetRequiredService<ServiceRecoveryBot.Turns.Outbox>().SettledAsync(new ConversationKey("msteams", Channel + ";messageid=" + id)).WaitAsync(TimeSpan.FromSeconds(30));
        return Assert.Single(Connector.Received, r => r.ReplyToId == id).Activity.Text ?? "";
    }

    private async Task PostAsync(string fixture, Action<JsonObject> edit)
    {
        var json = JsonNode.Parse(File.ReadAllText(SharedFixtures.Fixture("teams", fixture)))!.AsObject();
        edit(json);
        var response = await Http.PostAsync("/api/messages", new StringContent(json.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
    }
}
