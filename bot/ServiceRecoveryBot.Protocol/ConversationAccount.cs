using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServiceRecoveryBot.Protocol;

public sealed record ConversationAccount
{
    public required string Id { get; init; }
    public string? Name { get; init; }

    /// <summary>True when more than two parties can talk. Read leniently: one recorded payload sends the string "True".</summary>
    [JsonConverter(typeof(LenientBooleanConverter))]
    public bool? IsGroup { get; init; }

    public string? ConversationType { get; init; }
    public string? TenantId { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unmapped { get; init; }
}
