using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServiceRecoveryBot.Protocol;

/// <summary>Activity metadata keyed by <see cref="Type"/>; every other property is kept as it came.</summary>
public sealed record Entity
{
    public required string Type { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; init; }
}
