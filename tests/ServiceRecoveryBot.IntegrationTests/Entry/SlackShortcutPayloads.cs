using System.Text.Json.Nodes;
using ServiceRecoveryBot.Testing;

namespace ServiceRecoveryBot.IntegrationTests.Entry;

/// <summary>
/// Slack payloads for the message shortcut and the Home tab. The <c>message_action</c> follows Slack's "Shortcuts
/// payloads" reference (type, callback_id, trigger_id, response_url, user, channel, team, message, message_ts,
/// action_ts) with the sample ids of Slack's docs; the <c>view_submission</c> is the recorded fixture with our form's
/// state; <c>app_home_opened</c> is the events reference's shape with <c>tab: "home"</c>.
/// </summary>
internal static class SlackShortcutPayloads
{
    public const string Team = "T111";
    public const string Invoker = "W111";
    public const string Author = "W222";
    public const string Channel = "C111";
    public const string Direct = "D069C7QFK";
    public const string BotUser = "UBOT1";
    public const string MessageTs = "1607081560.000300";

    public static JsonObject Shortcut(string text, string channel = Channel) => new()
    {
        ["type"] = "message_action",
        ["token"] = "verification_token",
        ["action_ts"] = "1607081569.852971",
        ["team"] = new JsonObject { ["id"] = Team, ["domain"] = "workspace-domain" },
        ["user"] = new JsonObject { ["id"] = Invoker, ["username"] = "primary-owner", ["name"] = "primary-owner", ["team_id"] = Team },
        ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "front-desk" },
        ["is_enterprise_install"] = false,
        ["callback_id"] = "log_service_recovery",
        ["trigger_id"] = "111.222.xxx",
        ["response_url"] = "https://hooks.slack.com/app/T111/123/xyz",
        ["message_ts"] = MessageTs,
        ["message"] = new JsonObject { ["type"] = "message", ["user"] = Author, ["ts"] = MessageTs, ["text"] = text, ["team"] = Team },
    };

    /// <summary>The recorded view_submission, carrying the form the shortcut opened, filled in as <paramref name="values"/> say.</summary>
    public static JsonObject Submission(JsonObject openedView, IReadOnlyDictionary<string, string> values)
    {
        var payload = JsonNode.Parse(File.ReadAllText(SharedFixtures.Fixture("slack", "interaction_view_submission.json")))!.AsObject();
        payload["team"]!["id"] = Team;
        payload["user"]!["id"] = Invoker;
        payload["user"]!["team_id"] = Team;
        var view = payload["view"]!.AsObject();
        view["callback_id"] = openedView["callback_id"]!.GetValue<string>();
        view["private_metadata"] = openedView["private_metadata"]!.GetValue<string>();
        view["blocks"] = openedView["blocks"]!.DeepClone();
        var state = new JsonObject();
        foreach (var (block, value) in values)
            state[block] = new JsonObject
            {
                ["value"] = block is "category" or "severity"
                    ? new JsonObject { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = value }, ["value"] = value } }
                    : new JsonObject { ["type"] = "plain_text_input", ["value"] = value },
            };
        view["state"] = new JsonObject { ["values"] = state };
        return payload;
    }

    public static JsonObject HomeOpened(string user) => new()
    {
        ["type"] = "event_callback",
        ["team_id"] = Team,
        ["event"] = new JsonObject { ["type"] = "app_home_opened", ["user"] = user, ["channel"] = "D0LAN2Q65", ["tab"] = "home", ["event_ts"] = "1515449522.000016" },
        ["event_id"] = "Ev" + Guid.NewGuid().ToString("N")[..10],
    };

    /// <summary>The bot added to a channel (member_joined_channel for its own user), so it is in that channel.</summary>
    public static JsonObject BotJoined(string channel = Channel) => new()
    {
        ["type"] = "event_callback",
        ["team_id"] = Team,
        ["authorizations"] = new JsonArray(new JsonObject { ["user_id"] = BotUser, ["is_bot"] = true }),
        ["event"] = new JsonObject { ["type"] = "member_joined_channel", ["user"] = BotUser, ["channel"] = channel, ["channel_type"] = "C", ["team"] = Team, ["event_ts"] = "1607081500.000100" },
        ["event_id"] = "EvJOINED" + channel,
    };

    /// <summary>A Home tab button press (block_actions from a view of type home).</summary>
    public static JsonObject HomeButton(string user, string value) => new()
    {
        ["type"] = "block_actions",
        ["team"] = new JsonObject { ["id"] = Team, ["domain"] = "workspace-domain" },
        ["user"] = new JsonObject { ["id"] = user, ["team_id"] = Team },
        ["api_app_id"] = "A111",
        ["trigger_id"] = "333.444.home",
        ["container"] = new JsonObject { ["type"] = "view", ["view_id"] = "VHOME" },
        ["view"] = new JsonObject { ["id"] = "VHOME", ["type"] = "home", ["callback_id"] = "" },
        ["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = "button", ["action_id"] = "home-0", ["block_id"] = "b1", ["value"] = value,
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Show" }, ["action_ts"] = "1607081600.000" + Random.Shared.Next(100, 999),
        }),
    };
}
