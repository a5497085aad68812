using System.Text.Json;
using System.Text.Json.Nodes;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Channels.Cards;

/// <summary>Builds Adaptive Card (schema 1.5, the highest Teams renders) attachments from body elements and actions.</summary>
public static class AdaptiveCard
{
    public const string Schema = "http://adaptivecards.io/schemas/adaptive-card.json";
    public const string Version = "1.5";

    public static Attachment Attachment(JsonArray body, JsonArray? actions = null) => new()
    {
        ContentType = Protocol.Attachment.AdaptiveCardContentType,
        Content = JsonSerializer.SerializeToElement(Card(body, actions)),
    };

    /// <summary>The card itself, for places that carry it as JSON (an invoke response's value).</summary>
    public static JsonObject Card(JsonArray body, JsonArray? actions = null)
    {
        var card = new JsonObject
        {
            ["$schema"] = Schema,
            ["type"] = "AdaptiveCard",
            ["version"] = Version,
            ["body"] = body,
        };
        if (actions is { Count: > 0 }) card["actions"] = actions;
        return card;
    }

    /// <summary>A wrapping TextBlock; TextBlock renders a markdown subset (**bold**, _italic_, lists).</summary>
    public static JsonObject TextBlock(string text, string? weight = null, string? size = null, bool subtle = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (weight is not null) block["weight"] = weight;
        if (size is not null) block["size"] = size;
        if (subtle) block["isSubtle"] = true;
        return block;
    }
}
