using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServiceRecoveryBot.Conversations.Entry;
using ServiceRecoveryBot.Conversations.Home;

namespace ServiceRecoveryBot.Channels.Slack.Shortcuts;

/// <summary>
/// The modal of the "Log as service recovery" message shortcut: the form pre-filled from the message (or a notice
/// when the bot cannot log it), and reading the submitted form back. Where the message is rides in <c>private_metadata</c>.
/// </summary>
public static class SlackShortcutViews
{
    public const string IncidentBlock = "incident";
    public const string ReporterBlock = "reporter";
    public const string CategoryBlock = "category";
    public const string SeverityBlock = "severity";
    public const string ValueAction = "value";

    /// <summary>Slack's limit on a modal's title.</summary>
    public const int MaxTitleLength = 24;

    public static JsonObject Form(MessageForm form, SlackMessageAt at, HomeText text) => new()
    {
        ["type"] = "modal",
        ["callback_id"] = SlackShortcuts.CallbackId,
        ["private_metadata"] = JsonSerializer.Serialize(at),
        ["title"] = Plain(text.ActionTitle),
        ["submit"] = Plain(text.OpenCaseButton),
        ["close"] = Plain(text.Cancel),
        ["blocks"] = new JsonArray(
            Input(IncidentBlock, text.IncidentLabel, TextInput(form.Incident, multiline: true)),
            Input(ReporterBlock, text.ReporterLabel, TextInput(form.Reporter, multiline: false), optional: true),
            Input(CategoryBlock, text.CategoryLabel, Select(
                form.Categories.Select(c => (c.Category == form.Category && form.CategorySuggested ? c.Title + " " + text.Suggested : c.Title, c.Category.ToString())),
                form.Category.ToString())),
            Input(SeverityBlock, text.SeverityLabel, Select(
                Enumerable.Range(1, 4).Select(s => (s == form.Severity ? $"{s} {text.Suggested}" : s.ToString(CultureInfo.InvariantCulture), s.ToString(CultureInfo.InvariantCulture))),
                form.Severity.ToString(CultureInfo.InvariantCulture)))),
    };

    /// <summary>A modal that only explains (the bot is not in the channel, the message has no text).</summary>
    public static JsonObject Notice(string said, HomeText text) => new()
    {
        ["type"] = "modal",
        ["title"] = Plain(text.ActionTitle),
        ["close"] = Plain(text.Ok),
        ["blocks"] = new JsonArray(new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = SlackMrkdwn.FromMarkdown(said) } }),
    };

    /// <summary>The submitted value of one block (text, or a select's chosen option), trimmed; null when empty.</summary>
    public static string? Submitted(JsonElement view, string block)
    {
        if (!view.TryGetProperty("state", out var state) || !state.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Object
            || !values.TryGetProperty(block, out var b) || b.ValueKind != JsonValueKind.Object || !b.TryGetProperty(ValueAction, out var element)
            || element.ValueKind != JsonValueKind.Object)
            return null;
        var text = element.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()
            : element.TryGetProperty("selected_option", out var o) && o.ValueKind == JsonValueKind.Object && o.TryGetProperty("value", out var ov) && ov.ValueKind == JsonValueKind.String ? ov.GetString()
            : null;
        return text?.Trim() is { Length: > 0 } trimmed ? trimmed : null;
    }

    /// <summary>Where the message was, as the form's private_metadata carried it; null when it is not ours.</summary>
    public static SlackMessageAt? At(JsonElement view)
    {
        if (!view.TryGetProperty("private_metadata", out var m) || m.ValueKind != JsonValueKind.String) return null;
        try
        {
            return JsonSerializer.Deserialize<SlackMessageAt>(m.GetString()!) is { Channel.Length: > 0 } at ? at : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonObject Plain(string text) => new() { ["type"] = "plain_text", ["text"] = SlackMrkdwn.TruncatePlain(text, MaxTitleLength), ["emoji"] = true };

    private static JsonObject Input(string block, string label, JsonObject element, bool optional = false) => new()
    {
        ["type"] = "input",
        ["block_id"] = block,
        ["optional"] = optional,
        ["label"] = new JsonObject { ["type"] = "plain_text", ["text"] = label },
        ["element"] = element,
    };

    private static JsonObject TextInput(string? value, bool multiline)
    {
        var input = new JsonObject { ["type"] = "plain_text_input", ["action_id"] = ValueAction, ["multiline"] = multiline, ["max_length"] = MessageStart.MaxIncidentLength };
        if (value is { Length: > 0 }) input["initial_value"] = value.Length <= MessageStart.MaxIncidentLength ? value : value[..MessageStart.MaxIncidentLength];
        return input;
    }

    private static JsonObject Select(IEnumerable<(string Text, string Value)> options, string initial)
    {
        var all = options.Select(o => new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = SlackMrkdwn.TruncatePlain(o.Text, 75) }, ["value"] = o.Value }).ToList();
        var select = new JsonObject { ["type"] = "static_select", ["action_id"] = ValueAction, ["options"] = new JsonArray([.. all]) };
        if (all.FirstOrDefault(o => o["value"]!.GetValue<string>() == initial) is { } chosen) select["initial_option"] = chosen.DeepClone();
        return select;
    }
}

/// <summary>The message a shortcut was used on: its channel, the thread it is in (or starts), and its author.</summary>
public sealed record SlackMessageAt(string Channel, string ThreadTs, string? Author);
