using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Channels.Slack;

/// <summary>
/// Turns what Slack sends into the message activities the bot runs on (channel id <c>slack</c>, the team as tenant, so
/// a Slack workspace is a team of cases). A DM is one conversation; in a channel each mention starts a thread of its own
/// (<see cref="SlackConversation"/>). The activity id is the Slack message (channel and ts), so the <c>app_mention</c>
/// and <c>message</c> events Slack sends for one message, or a redelivery, run once. Messages from bots (the bot's
/// own replies among them) and edits, joins and other subtypes are not turns; a shared file is one (its caption is the
/// text, the file is named, not read); opening the bot's DM and the bot joining a channel are (the bot says hello once).
/// </summary>
public static partial class SlackInbound
{
    /// <summary>What an event callback asks of the bot.</summary>
    public sealed record EventTurn(Activity Activity, bool OnlyIfConversationExists);

    /// <summary>
    /// The turn an <c>event_callback</c> carries, or null when it is not one: a DM message or a mention is a turn; a
    /// reply in a channel thread is one only if that thread is already a conversation with the bot.
    /// </summary>
    public static EventTurn? FromEvent(JsonElement envelope, string serviceUrl)
    {
        if (!envelope.TryGetProperty("event", out var e) || e.ValueKind != JsonValueKind.Object) return null;
        var type = Text(e, "type");
        if (type is "app_home_opened" or "member_joined_channel") return Arrival(envelope, e, type, serviceUrl);
        if (type is not ("message" or "app_mention")) return null;
        if (e.TryGetProperty("bot_id", out _)) return null;
        var subtype = Text(e, "subtype");
        if (subtype is not (null or "file_share")) return null; // edits, deletions, joins …
        if (Text(e, "user") is not { Length: > 0 } user || Text(e, "channel") is not { Length: > 0 } channel || Text(e, "ts") is not { Length: > 0 } ts)
            return null;

        var direct = Text(e, "channel_type") == "im" || channel.StartsWith('D');
        var thread = Text(e, "thread_ts");
        if (!direct && type == "message" && thread is null) return null; // channel chatter; a mention arrives as app_mention
        var conversation = direct ? new SlackConversation(channel, null) : new SlackConversation(channel, thread ?? ts);
        var activity = Message(
            id: channel + ":" + ts, conversation, direct, user, Text(envelope, "team_id"), WithoutMentions(Text(e, "text") ?? ""), serviceUrl,
            bot: BotUser(envelope), at: FromTs(ts));
        if (subtype == "file_share") activity = activity with { Attachments = Files(e) };
        return new EventTurn(activity, OnlyIfConversationExists: !direct && type == "message");
    }

    /// <summary>
    /// First contact, as Teams tells it with a conversation update: someone opens the bot's Messages tab (its DM), or
    /// the bot itself is added to a channel. The bot says hello once per conversation.
    /// </summary>
    private static EventTurn? Arrival(JsonElement envelope, JsonElement e, string type, string serviceUrl)
    {
        if (Text(e, "user") is not { Length: > 0 } user || Text(e, "channel") is not { Length: > 0 } channel) return null;
        var bot = BotUser(envelope);
        if (type == "app_home_opened" && Text(e, "tab") != "messages") return null;
        if (type == "member_joined_channel" && user != bot) return null;
        var direct = type == "app_home_opened";
        var activity = Message(
            id: type + ":" + channel + ":" + (Text(e, "event_ts") ?? Text(envelope, "event_id") ?? ""), new SlackConversation(channel, null), direct, user,
            Text(envelope, "team_id") ?? Text(e, "team"), "", serviceUrl, bot, at: FromTs(Text(e, "event_ts"))) with
        {
            Type = ActivityTypes.ConversationUpdate,
            Text = null,
            MembersAdded = [new ChannelAccount { Id = direct ? user : bot! }],
        };
        return new EventTurn(activity, OnlyIfConversationExists: false);
    }

    /// <summary>A button press (<c>block_actions</c>): its value is the answer, as if typed.</summary>
    public static Activity? FromInteraction(JsonElement payload, string serviceUrl)
    {
        if (Text(payload, "type") != "block_actions") return null;
        if (!payload.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array || actions.GetArrayLength() == 0) return null;
        var action = actions[0];
        var value = Text(action, "value") ?? (action.ValueKind == JsonValueKind.Object && action.TryGetProperty("text", out var label) ? Text(label, "text") : null);
        var user = payload.TryGetProperty("user", out var u) ? Text(u, "id") : null;
        var channel = payload.TryGetProperty("channel", out var c) ? Text(c, "id") : null;
        if (value is null || user is null || channel is null) return null;

        var message = payload.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        var direct = channel.StartsWith('D');
        // A button on a message in a thread answers that thread's conversation; one on a top-level message (the answer
        // to a slash command in a channel) answers the channel's.
        var thread = message.ValueKind == JsonValueKind.Object ? Text(message, "thread_ts") : null;
        var team = payload.TryGetProperty("team", out var t) && t.ValueKind == JsonValueKind.Object ? Text(t, "id") : null;
        var pressed = Text(action, "action_ts") ?? Text(payload, "trigger_id") ?? Guid.NewGuid().ToString("N");
        return Message(
            id: "action:" + pressed, new SlackConversation(channel, direct ? null : thread), direct, user, team, value, serviceUrl,
            bot: null, at: FromTs(Text(action, "action_ts")));
    }

    /// <summary>A slash command (<c>/recovery my cases</c>): its text is the message; with none, "help".</summary>
    public static Activity? FromCommand(IReadOnlyDictionary<string, string> form, string serviceUrl)
    {
        if (!form.TryGetValue("user_id", out var user) || !form.TryGetValue("channel_id", out var channel) || user.Length == 0 || channel.Length == 0)
            return null;
        var text = form.TryGetValue("text", out var typed) && typed.Trim() is { Length: > 0 } said ? said : "help";
        var id = form.TryGetValue("trigger_id", out var trigger) && trigger.Length > 0 ? trigger : Guid.NewGuid().ToString("N");
        return Message(
            id: "command:" + id, new SlackConversation(channel, null), channel.StartsWith('D'), user, form.GetValueOrDefault("team_id"), text,
            serviceUrl, bot: null, at: null);
    }

    private static Activity Message(
        string id, SlackConversation conversation, bool direct, string user, string? team, string text, string serviceUrl, string? bot, DateTimeOffset? at) => new()
    {
        Type = ActivityTypes.Message,
        Id = id,
        ChannelId = SlackOptions.ChannelId,
        ServiceUrl = serviceUrl,
        Timestamp = at,
        From = new ChannelAccount { Id = user },
        Recipient = new ChannelAccount { Id = bot ?? "slack-bot" },
        Conversation = new ConversationAccount
        {
            Id = conversation.ToString(),
            IsGroup = !direct,
            ConversationType = direct ? "personal" : "channel",
            TenantId = team,
        },
        Text = text,
    };

    /// <summary>The files a message shares, named and typed only: the bot does not download them.</summary>
    private static List<Attachment> Files(JsonElement e) =>
        e.TryGetProperty("files", out var files) && files.ValueKind == JsonValueKind.Array
            ? [.. files.EnumerateArray().Select(f => new Attachment { ContentType = Text(f, "mimetype") ?? "application/octet-stream", Name = Text(f, "name") })]
            : [new Attachment { ContentType = "application/octet-stream" }];

    /// <summary>The bot's own user id, when the envelope names it (to address replies from it).</summary>
    private static string? BotUser(JsonElement envelope)
    {
        if (envelope.TryGetProperty("authorizations", out var auth) && auth.ValueKind == JsonValueKind.Array && auth.GetArrayLength() > 0)
            return Text(auth[0], "user_id");
        if (envelope.TryGetProperty("authed_users", out var users) && users.ValueKind == JsonValueKind.Array && users.GetArrayLength() > 0)
            return users[0].ValueKind == JsonValueKind.String ? users[0].GetString() : null;
        return null;
    }

    /// <summary>"&lt;@U0LAN0Z89&gt; guest in 12 furious" → "guest in 12 furious"; Slack's escapes undone.</summary>
    internal static string WithoutMentions(string text) =>
        Spaces().Replace(Mention().Replace(text, ""), " ").Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&amp;", "&", StringComparison.Ordinal).Trim();

    private static DateTimeOffset? FromTs(string? ts) =>
        ts is not null && decimal.TryParse(ts, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds < 100_000_000_000m
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000))
            : null;

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex(@"<@[A-Z0-9]+(\|[^>]*)?>")]
    private static partial Regex Mention();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex Spaces();
}
