using System.Text.Json;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Channels.Teams;

/// <summary>
/// Teams quirks, translated at the edge: the bot's own @mention is removed from the text (mentions of other people
/// stay), and the tenant is copied from channelData into conversation.tenantId when only the former has it.
/// </summary>
public static class TeamsActivity
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
}
