using System.Text.Json;
using ServiceRecoveryBot.Dialogs;

namespace ServiceRecoveryBot.Storage;

/// <summary>JSON rules for documents stored in table properties: the dialog-state rules, with case ids as plain strings.</summary>
internal static class StorageJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(DialogJson.Options);
        options.Converters.Add(new CaseIdJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
