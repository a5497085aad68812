using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServiceRecoveryBot.Dialogs;

/// <summary>
/// One frame of the dialog stack, as persisted: which dialog, at which version, with its own values (a waterfall's
/// step and typed state, a prompt's options). Each value is kept as the JSON it is stored as, so reading a typed value
/// parses its bytes once and a frame nobody touched is written back as it was read.
/// </summary>
public sealed class DialogInstance
{
    public required string Id { get; init; }
    public required int Version { get; init; }

    [JsonConverter(typeof(FrameValuesJsonConverter))]
    public Dictionary<string, JsonElement> State { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The value stored under <paramref name="key"/>, or default when there is none.</summary>
    public T? Read<T>(string key) => State.TryGetValue(key, out var value) ? value.Deserialize<T>(DialogJson.Options) : default;

    public void Write<T>(string key, T value) => State[key] = JsonSerializer.SerializeToElement(value, DialogJson.Options);
}

/// <summary>
/// A frame's values as one JSON object, each value written back from the bytes it was parsed from or serialized to:
/// the stored document stays the same shape as any JSON object, and is not walked token by token on every write.
/// </summary>
internal sealed class FrameValuesJsonConverter : JsonConverter<Dictionary<string, JsonElement>>
{
    public override Dictionary<string, JsonElement> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("A dialog frame's state must be a JSON object.");
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            values[name] = JsonElement.ParseValue(ref reader);
        }
        if (reader.TokenType != JsonTokenType.EndObject) throw new JsonException("A dialog frame's state ended early.");
        return values;
    }

    public override void Write(Utf8JsonWriter writer, Dictionary<string, JsonElement> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (name, element) in value)
        {
            writer.WritePropertyName(name);
            // Parsed or serialized by System.Text.Json, so already valid JSON.
            writer.WriteRawValue(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(element), skipInputValidation: true);
        }
        writer.WriteEndObject();
    }
}
