using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Channels.Teams;

/// <summary>
/// Teams quirks, translated at the edge: the bot's own @mention is removed from the text (mentions of other people
/// stay), and the tenant is copied from channelData into conversation.tenantId when only the former has it; replies to
/// a channel or group chat say "@mention me" where they would say tap, type or say (<see cref="ForGroup"/>).
/// </summary>
public static partial class TeamsActivity
{
    public const string ChannelId = "msteams";

    public static Activity Normalize(Activity activity)
    {
        if (activity.ChannelId != ChannelId) return activity;
        var normalized = activity;
        if (activity.Text is { Length: > 0 } text && activity.Recipient?.Id is { } botId)
        {
            foreach (var entity in activity.Entities ?? [])
            {
                if (entity.Type != "mention" || entity.Properties is null) continue;
                if (!entity.Properties.TryGetValue("mentioned", out var mentioned) || mentioned.ValueKind != JsonValueKind.Object) continue;
                if (!mentioned.TryGetProperty("id", out var id) || id.GetString() != botId) continue;
                if (entity.Properties.TryGetValue("text", out var mentionText) && mentionText.GetString() is { Length: > 0 } tag)
                    text = text.Replace(tag, "", StringComparison.Ordinal);
            }
            normalized = normalized with { Text = text.Trim() };
        }
        if (normalized.Conversation is { TenantId: null or "" } conversation && TenantOf(activity) is { } tenant)
            normalized = normalized with { Conversation = conversation with { TenantId = tenant } };
        return normalized;
    }

    public static string? TenantOf(Activity activity) =>
        activity.ChannelData is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("tenant", out var tenant)
            && tenant.ValueKind == JsonValueKind.Object && tenant.TryGetProperty("id", out var id) ? id.GetString() : null;

    /// <summary>The team the conversation belongs to, when it is a team channel.</summary>
    public static (string Id, string? Name)? TeamOf(Activity activity) =>
        activity.ChannelData is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("team", out var team)
            && team.ValueKind == JsonValueKind.Object && team.TryGetProperty("id", out var id) && id.GetString() is { } teamId
            ? (teamId, team.TryGetProperty("name", out var name) ? name.GetString() : null)
            : null;

    /// <summary>
    /// A reply to a Teams channel or group chat, where the bot hears only @mentions: what its text (and its cards' text)
    /// tells people to tap, type, say or reply becomes "press" and "@mention me with". Elsewhere the activity as it is.
    /// </summary>
    public static Activity ForGroup(Activity activity)
    {
        if (activity.ChannelId != ChannelId || !IsGroup(activity.Conversation)) return activity;
        var attachments = activity.Attachments?.Select(a => a.ContentType == Attachment.AdaptiveCardContentType && a.Content is { ValueKind: JsonValueKind.Object } content
            ? a with { Content = JsonSerializer.SerializeToElement(ForGroup(JsonNode.Parse(content.GetRawText())!)) }
            : a).ToList();
        return activity with
        {
            Text = activity.Text is { } text ? Mention(text) : null,
            Summary = activity.Summary is { } summary ? Mention(summary) : null,
            Attachments = attachments ?? activity.Attachments,
        };
    }

    /// <summary>
    /// A channel or group chat: by its type where the activity carries it, else by Teams' id ("19:…@thread…"; personal
    /// chats are "a:…" or "8:…"), since a reply names only its conversation's id.
    /// </summary>
    private static bool IsGroup(ConversationAccount? conversation) =>
        conversation?.ConversationType is "channel" or "groupChat"
        || conversation is { ConversationType: null or "", Id: { } id } && id.StartsWith("19:", StringComparison.Ordinal) && id.Contains("@thread", StringComparison.Ordinal);

    /// <summary>"Tap one or type it" → "Press one, or @mention me with your answer"; 'Say "x"' and "reply with" → "@mention me with".</summary>
    public static string Mention(string text)
    {
        text = TapOrType().Replace(text, m => (char.IsUpper(m.Value[0]) ? "Press" : "press") + " one, or @mention me with your answer");
        text = TapTypeOr().Replace(text, m => (char.IsUpper(m.Value[0]) ? "Press" : "press") + " one, @mention me with your answer, or ");
        text = Tap().Replace(text, m => m.Value[0] == 'T' ? "Press" : "press");
        text = SayQuoted().Replace(text, "@mention me with ");
        return ReplyWith().Replace(text, "@mention me with");
    }

    private static JsonNode ForGroup(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                if ((string?)o["type"] == "TextBlock" && o["text"] is JsonValue v && v.TryGetValue<string>(out var text)) o["text"] = Mention(text);
                foreach (var child in o.Select(p => p.Value).OfType<JsonNode>().ToList()) ForGroup(child);
                break;
            case JsonArray a:
                foreach (var child in a.OfType<JsonNode>().ToList()) ForGroup(child);
                break;
        }
        return node;
    }

    [GeneratedRegex(@"\b[Tt]ap one,? or type it\b")]
    private static partial Regex TapOrType();

    [GeneratedRegex(@"\b[Tt]ap one, type it,? or ")]
    private static partial Regex TapTypeOr();

    [GeneratedRegex(@"\b[Tt]ap\b")]
    private static partial Regex Tap();

    [GeneratedRegex(@"\b[Ss]ay (?=""|yes\b)")]
    private static partial Regex SayQuoted();

    [GeneratedRegex(@"\b[Rr]eply with\b")]
    private static partial Regex ReplyWith();
}
