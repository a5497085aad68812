using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServiceRecoveryBot.Protocol;

/// <summary>The one set of JSON rules for the wire: camelCase, case-insensitive reads, nulls omitted.</summary>
public static class ActivityJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static Activity? Deserialize(ReadOnlySpan<byte> utf8Json) => JsonSerializer.Deserialize<Activity>(utf8Json, Options);

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static JsonElement ToElement<T>(T value) => JsonSerializer.SerializeToElement(value, Options);
}
