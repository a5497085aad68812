using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Channels.Teams.MessageActions;

/// <summary>
/// A <c>composeExtension/fetchTask</c> or <c>composeExtension/submitAction</c> invoke of the "Log as service recovery"
/// message action, as the bot reads it: the command, the message it was used on (its id, text without HTML, author)
/// and, on submit, the form's fields. Everything else in the payload is left alone.
/// </summary>
public sealed partial record MessageActionInvoke(string CommandId, string? MessageId, string? ThreadRootId, string MessageText, string? AuthorName, JsonElement? Data)
{
    public const string FetchTaskName = "composeExtension/fetchTask";
    public const string SubmitActionName = "composeExtension/submitAction";

    /// <summary>The command id in manifest/teams/manifest.json.</summary>
    public const string CommandIdLogAsRecovery = "logServiceRecovery";

    public static bool IsMessageAction(Activity activity) =>
        activity.Type == ActivityTypes.Invoke && activity.Name is FetchTaskName or SubmitActionName;

    /// <summary>The invoke's command and message, or null when its value is not a message action's.</summary>
    public static MessageActionInvoke? Read(Activity activity)
    {
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value || StringOf(value, "commandId") is not { Length: > 0 } command) return null;
        var payload = value.TryGetProperty("messagePayload", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        string? messageId = null, root = null, text = null, author = null;
        if (payload.ValueKind == JsonValueKind.Object)
        {
            messageId = StringOf(payload, "id");
            root = StringOf(payload, "replyToId") ?? messageId; // a reply's thread starts at the message it replies to
            if (payload.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.Object)
                text = StringOf(body, "contentType") == "html" ? PlainText(StringOf(body, "content") ?? "") : StringOf(body, "content");
            if (payload.TryGetProperty("from", out var from) && from.ValueKind == JsonValueKind.Object
                && from.TryGetProperty("user", out var user) && user.ValueKind == JsonValueKind.Object)
                author = StringOf(user, "displayName");
        }
        var data = value.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : (JsonElement?)null;
        return new MessageActionInvoke(command, messageId, root, (text ?? "").Trim(), author, data);
    }

    /// <summary>A form field the submit carries, trimmed; null when absent or empty.</summary>
    public string? Field(string name) =>
        Data is { } data && data.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Trim() is { Length: > 0 } text ? text : null;

    /// <summary>The text of a Teams message body: tags dropped (a line break for block ends), entities decoded, spaces tidied.</summary>
    public static string PlainText(string html)
    {
        var breaks = BlockEnd().Replace(html, "\n");
        var text = WebUtility.HtmlDecode(Tag().Replace(breaks, ""));
        return string.Join('\n', text.Split('\n').Select(line => Spaces().Replace(line, " ").Trim()).Where(line => line.Length > 0));
    }

    private static string? StringOf(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    [GeneratedRegex(@"<br\s*/?>|</(p|div|li)>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \t\u00a0]{2,}")]
    private static partial Regex Spaces();
}
