using System.Text.Json.Nodes;

namespace ServiceRecoveryBot.DeploymentTests.Teams;

public sealed class TeamsManifestTests
{
    internal const string BotIdPlaceholder = "00000000-0000-0000-0000-000000000000";

    private readonly JsonNode _manifest = JsonNode.Parse(File.ReadAllText(RepoPaths.TeamsManifest))!;

    private JsonNode Bot => _manifest["bots"]![0]!;

    [Fact]
    public void Bot_can_be_installed_in_personal_chat_a_team_and_a_group_chat()
    {
        var scopes = Bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()).Order().ToArray();

        Assert.Equal(["groupChat", "personal", "team"], scopes);
    }

    [Fact]
    public void Bot_id_is_the_placeholder_the_package_script_fills_in()
    {
        Assert.Equal(BotIdPlaceholder, Bot["botId"]!.GetValue<string>());
        Assert.NotEqual(BotIdPlaceholder, _manifest["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("personal", new[] { "new case", "my cases", "home", "resume", "guide", "practice", "help" })]
    [InlineData("team", new[] { "register channel", "digest", "summary", "guide", "help" })]
    public void Command_list_offers_the_commands_of_its_scope(string scope, string[] expected)
    {
        var list = Bot["commandLists"]!.AsArray()
            .Single(l => l!["scopes"]!.AsArray().Any(s => s!.GetValue<string>() == scope))!;

        var titles = list["commands"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()).ToArray();

        Assert.Equal(expected, titles);
        Assert.All(list["commands"]!.AsArray(), c => Assert.False(string.IsNullOrWhiteSpace(c!["description"]!.GetValue<string>())));
    }

    [Fact]
    public void Name_and_description_say_what_the_bot_is_for()
    {
        Assert.Equal("ServiceRecoveryBot", _manifest["name"]!["short"]!.GetValue<string>());
        string full = _manifest["description"]!["full"]!.GetValue<string>();
        Assert.Contains("service-recovery coach", full, StringComparison.Ordinal);
        Assert.Contains("hotel", full, StringComparison.Ordinal);
        Assert.Contains("restaurant", full, StringComparison.Ordinal);
        Assert.Contains("retail", full, StringComparison.Ordinal);
    }

    [Fact]
    public void Icons_named_in_the_manifest_exist_next_to_it()
    {
        foreach (string key in new[] { "color", "outline" })
        {
            string file = _manifest["icons"]![key]!.GetValue<string>();
            Assert.True(File.Exists(Path.Combine(RepoPaths.TeamsManifestFolder, file)), $"icons.{key} names {file}, which is missing");
        }
    }
}
