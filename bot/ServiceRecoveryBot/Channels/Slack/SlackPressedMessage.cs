using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServiceRecoveryBot.Channels.Slack;

/// <summary>
/// The bot's message whose button was pressed (<c>block_actions</c>): where it is, what it showed and the label pressed.
/// Once answered its buttons give way to the answer (<see cref="Answered"/>), so an old question's buttons do not stay live.
/// </summary>
public sealed record SlackPressedMessage(string Channel, string Ts, string Text, JsonElement? Blocks, string Chosen)
{
    /// <summary>The pressed message of a button press on a message in a conversation; null for modals and ephemeral messages.</summary>
    public static SlackPressedMessage? From(JsonElement payload)
    {
        if (StringOf(payload, "type") != "block_actions") return null;
        var container = Object(payload, "container");
        if (container is { } c && (StringOf(c, "type") is "view" || (c.TryGetProperty("is_ephemeral", out var ephemeral) && ephemeral.ValueKind == JsonValueKind.True)))
            return null; // a modal has no message; an ephemeral message cannot be edited with chat.update
        var message = Object(payload, "message");
        var channel = (container is { } cc ? StringOf(cc, "channel_id") : null) ?? (Object(payload, "channel") is { } ch ? StringOf(ch, "id") : null);
        var ts = (container is { } ct ? StringOf(ct, "message_ts") : null) ?? (message is { } m ? StringOf(m, "ts") : null);
        if (channel is null || ts is null || !payload.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array || actions.GetArrayLength() == 0)
            return null;
        var action = actions[0];
        var chosen = (Object(action, "text") is { } label ? StringOf(label, "text") : null) ?? StringOf(action, "value");
        if (string.IsNullOrWhiteSpace(chosen)) return null;
        var blocks = message is { } mm && mm.TryGetProperty("blocks", out var b) && b.ValueKind == JsonValueKind.Array ? b : (JsonElement?)null;
        return new SlackPressedMessage(channel, ts, message is { } t ? StringOf(t, "text") ?? "" : "", blocks, chosen);
    }

    /// <summary>
    /// The <c>chat.update</c> body: the message as it was without its actions blocks, then a line with the answer given.
    /// </summary>
    public JsonObject Answered()
    {
        var blocks = new JsonArray();
        foreach (var block in Blocks?.EnumerateArray() ?? Enumerable.Empty<JsonElement>())
            if (block.ValueKind == JsonValueKind.Object && StringOf(block, "type") != "actions") blocks.Add(JsonNode.Parse(block.GetRawText()));
        if (blocks.Count == 0 && Text.Length > 0)
            blocks.Add(new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = SlackMrkdwn.Truncate(Text, SlackWebClient.MaxSectionTextLength) } });
        var answer = "✓ *" + SlackMrkdwn.Truncate(SlackMrkdwn.FromMarkdown(Chosen).Replace("*", "", StringComparison.Ordinal), SlackWebClient.MaxButtonTextLength) + "*";
        blocks.Add(new JsonObject { ["type"] = "context", ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = answer }) });
        var text = Text.Length > 0 ? Text + "\n" + answer : answer;
        return new JsonObject
        {
            ["channel"] = Channel,
            ["ts"] = Ts,
            ["text"] = SlackMrkdwn.Truncate(text, SlackWebClient.MaxTextLength),
            ["blocks"] = blocks,
        };
    }

    private static JsonElement? Object(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    private static string? StringOf(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
