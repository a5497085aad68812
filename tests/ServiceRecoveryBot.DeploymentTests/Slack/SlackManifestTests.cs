using System.Text.Json.Nodes;
using ServiceRecoveryBot.Channels.Slack;

namespace ServiceRecoveryBot.DeploymentTests.Slack;

/// <summary>manifest/slack/manifest.json points Slack at the endpoints the bot serves and asks for what it uses.</summary>
public sealed class SlackManifestTests
{
    private readonly JsonNode _manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "manifest", "slack", "manifest.json")))!;

    private JsonNode Settings => _manifest["settings"]!;

    [Fact]
    public void Events_interactivity_and_the_slash_command_go_to_the_bots_Slack_endpoints()
    {
        Assert.EndsWith(SlackEndpoints.EventsPath, Settings["event_subscriptions"]!["request_url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith(SlackEndpoints.InteractionsPath, Settings["interactivity"]!["request_url"]!.GetValue<string>(), StringComparison.Ordinal);
        var command = Assert.Single(_manifest["features"]!["slash_commands"]!.AsArray())!;
        Assert.Equal("/recovery", command["command"]!.GetValue<string>());
        Assert.EndsWith(SlackEndpoints.CommandsPath, command["url"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_app_hears_direct_messages_mentions_and_thread_replies()
    {
        var events = Settings["event_subscriptions"]!["bot_events"]!.AsArray().Select(e => e!.GetValue<string>()).ToHashSet();

        Assert.Superset(new HashSet<string> { "message.im", "app_mention", "message.channels", "message.groups" }, events);
    }

    [Fact]
    public void The_bot_token_may_post_and_read_what_the_bot_answers()
    {
        var scopes = _manifest["oauth_config"]!["scopes"]!["bot"]!.AsArray().Select(s => s!.GetValue<string>()).ToHashSet();

        Assert.Superset(new HashSet<string> { "chat:write", "im:history", "app_mentions:read", "channels:history", "groups:history", "commands" }, scopes);
    }
}
