using System.Text.Json;
using System.Text.Json.Serialization;
using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Storage;

/// <summary>Writes a <see cref="CaseId"/> as its plain string.</summary>
public sealed class CaseIdJsonConverter : JsonConverter<CaseId>
{
    public override CaseId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetString() ?? "");

    public override void Write(Utf8JsonWriter writer, CaseId value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
