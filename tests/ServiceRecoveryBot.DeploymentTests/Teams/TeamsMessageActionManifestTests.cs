using System.Text.Json.Nodes;
using ServiceRecoveryBot.Channels.Teams.MessageActions;

namespace ServiceRecoveryBot.DeploymentTests.Teams;

/// <summary>The manifest declares "Log as service recovery" on messages, answered by the bot the package names.</summary>
public sealed class TeamsMessageActionManifestTests
{
    private readonly JsonNode _manifest = JsonNode.Parse(File.ReadAllText(RepoPaths.TeamsManifest))!;

    [Fact]
    public void The_message_action_is_an_action_command_on_messages_with_a_dialog_the_bot_fetches()
    {
        var extension = Assert.Single(_manifest["composeExtensions"]!.AsArray())!;
        var command = Assert.Single(extension["commands"]!.AsArray())!;

        Assert.Equal(_manifest["bots"]![0]!["botId"]!.GetValue<string>(), extension["botId"]!.GetValue<string>());
        Assert.Equal(MessageActionInvoke.CommandIdLogAsRecovery, command["id"]!.GetValue<string>());
        Assert.Equal("action", command["type"]!.GetValue<string>());
        Assert.Equal(["message"], command["context"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.True(command["fetchTask"]!.GetValue<bool>());
        Assert.Equal("Log as service recovery", command["title"]!.GetValue<string>());
    }
}
