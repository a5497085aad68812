using System.Text.Json.Nodes;
using ServiceRecoveryBot.Channels.Slack.Shortcuts;

namespace ServiceRecoveryBot.DeploymentTests.Slack;

/// <summary>manifest/slack/manifest.json declares the message shortcut the bot answers and turns the Home tab on.</summary>
public sealed class SlackEntryManifestTests
{
    private readonly JsonNode _manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "manifest", "slack", "manifest.json")))!;

    [Fact]
    public void The_message_shortcut_carries_the_callback_id_the_bot_answers()
    {
        var shortcut = Assert.Single(_manifest["features"]!["shortcuts"]!.AsArray())!;

        Assert.Equal("message", shortcut["type"]!.GetValue<string>());
        Assert.Equal(SlackShortcuts.CallbackId, shortcut["callback_id"]!.GetValue<string>());
        Assert.Equal("Log as service recovery", shortcut["name"]!.GetValue<string>());
    }

    [Fact]
    public void The_Home_tab_is_on_and_its_opening_is_heard()
    {
        Assert.True(_manifest["features"]!["app_home"]!["home_tab_enabled"]!.GetValue<bool>());
        Assert.Contains("app_home_opened", _manifest["settings"]!["event_subscriptions"]!["bot_events"]!.AsArray().Select(e => e!.GetValue<string>()));
    }
}
