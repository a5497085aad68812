using System.Text.Encodings.Web;
using System.Text.Json;
using ServiceRecoveryBot.Dialogs;

namespace ServiceRecoveryBot.Storage;

/// <summary>
/// JSON rules for documents stored in table properties: the dialog-state rules, with case ids as plain strings and
/// non-ASCII text as it is (escaped, "é" is six characters: 90k accented characters no longer fit a row).
/// </summary>
internal static class StorageJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(DialogJson.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        options.Converters.Add(new CaseIdJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
