using System.Text.Json;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Conversations;

/// <summary>Which team a conversation's cases belong to: the tenant when the channel names one, else the configured default.</summary>
public static class TeamKey
{
    public static string Of(Activity activity, string fallback)
    {
        if (activity.Conversation?.TenantId is { Length: > 0 } tenant) return activity.ChannelId + ":" + tenant;
        if (activity.ChannelData is { ValueKind: JsonValueKind.Object } data
            && data.TryGetProperty("tenant", out var t) && t.ValueKind == JsonValueKind.Object
            && t.TryGetProperty("id", out var id) && id.GetString() is { Length: > 0 } tenantId)
            return activity.ChannelId + ":" + tenantId;
        return fallback;
    }
}
