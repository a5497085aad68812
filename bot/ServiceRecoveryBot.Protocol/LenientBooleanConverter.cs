using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServiceRecoveryBot.Protocol;

/// <summary>Reads a JSON boolean, or the strings "true"/"false" in any case; writes a JSON boolean.</summary>
public sealed class LenientBooleanConverter : JsonConverter<bool?>
{
    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Null => null,
        JsonTokenType.String when bool.TryParse(reader.GetString(), out var parsed) => parsed,
        _ => throw new JsonException("Expected a boolean."),
    };

    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
    {
        if (value is { } flag) writer.WriteBooleanValue(flag);
        else writer.WriteNullValue();
    }
}
