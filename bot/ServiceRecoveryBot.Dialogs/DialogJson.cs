using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServiceRecoveryBot.Dialogs;

/// <summary>JSON rules for persisted dialog state: camelCase, enums as names, nulls omitted.</summary>
public static class DialogJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
