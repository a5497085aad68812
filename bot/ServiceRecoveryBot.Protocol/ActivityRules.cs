using System.Text.Json;

namespace ServiceRecoveryBot.Protocol;

/// <summary>
/// The one rule set an inbound activity passes, on every channel, before anything is stored or run: readable JSON of the
/// right kinds, the ids a turn keys on, bounded sizes. A broken rule is a 400 (or 413 for size) with a clear reason.
/// </summary>
public static class ActivityRules
{
    /// <summary>The largest request body read on any endpoint; a larger one is refused with 413 unread.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>The longest message text: far beyond anything typed, and well within a state row.</summary>
    public const int MaxTextChars = 32 * 1024;

    /// <summary>Ids (conversation, user, activity) are a few hundred characters on every channel.</summary>
    public const int MaxIdChars = 1024;

    public const int MaxChannelIdChars = 64;
    public const int MaxServiceUrlChars = 2048;

    private static readonly string[] IdKinds = ["from", "recipient", "conversation"];

    /// <summary>The card and prompt fields the bot reads from <c>value</c>: strings when present.</summary>
    private static readonly string[] ValueStrings = ["command", "caseId", "answer"];

    /// <summary>
    /// Parses and checks a <c>/api/messages</c> body: every rule, envelope included. The activity when it passes,
    /// otherwise the problem to answer with.
    /// </summary>
    public static (Activity? Activity, ActivityProblem? Problem) Parse(byte[] body)
    {
        var (activity, problem) = ParseContent(body);
        if (activity is null) return (null, problem);
        return CheckEnvelope(activity) is { } broken ? (null, broken) : (activity, null);
    }

    /// <summary>Parses a body and checks what the client controls on every channel (kinds, sizes), not the envelope.</summary>
    public static (Activity? Activity, ActivityProblem? Problem) ParseContent(byte[] body)
    {
        if (body.Length > MaxBodyBytes) return (null, ActivityProblem.TooLarge($"The body is over {MaxBodyBytes} bytes."));
        Activity? activity;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return (null, ActivityProblem.Bad("The body is not a JSON object."));
            if (UnreadableString(document.RootElement, "$") is { } path)
                return (null, ActivityProblem.Bad($"The string at {path} is not valid text (a lone surrogate)."));
            activity = document.RootElement.Deserialize<Activity>(ActivityJson.Options);
        }
        catch (JsonException ex)
        {
            return (null, ActivityProblem.Bad(ex.Path is { } at ? $"The body is not a JSON activity: the value at {at} is of the wrong kind." : "The body is not a JSON activity."));
        }
        catch (InvalidOperationException)
        {
            return (null, ActivityProblem.Bad("The body holds text that is not valid (a lone surrogate)."));
        }
        if (activity is null || string.IsNullOrEmpty(activity.Type)) return (null, ActivityProblem.Bad("The activity has no type."));
        return CheckContent(activity) is { } problem ? (null, problem) : (activity, null);
    }

    /// <summary>Every rule, for an activity built at the edge (a Slack event's).</summary>
    public static ActivityProblem? Check(Activity activity) => CheckEnvelope(activity) ?? CheckContent(activity);

    /// <summary>What a turn is keyed and answered by: the ids, the channel id and the serviceUrl.</summary>
    public static ActivityProblem? CheckEnvelope(Activity activity)
    {
        string?[] ids = [activity.From?.Id, activity.Recipient?.Id, activity.Conversation?.Id];
        for (var i = 0; i < ids.Length; i++)
        {
            if (ids[i] is not { Length: > 0 } id) return ActivityProblem.Bad($"The activity has no {IdKinds[i]} id: {IdKinds[i]}.id must be a non-empty string.");
            if (id.Length > MaxIdChars) return ActivityProblem.Bad($"{IdKinds[i]}.id is over {MaxIdChars} characters.");
        }
        if (activity.Id?.Length > MaxIdChars || activity.ReplyToId?.Length > MaxIdChars)
            return ActivityProblem.Bad($"An activity id is over {MaxIdChars} characters.");
        if (activity.ChannelId is not { Length: > 0 and <= MaxChannelIdChars } channel || !channel.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            return ActivityProblem.Bad($"channelId must be up to {MaxChannelIdChars} letters, digits, '-', '_' or '.'.");
        if (!IsHttpUrl(activity.ServiceUrl))
            return ActivityProblem.Bad("serviceUrl must be an absolute http or https URL without user info.");
        return null;
    }

    /// <summary>What the bot reads from the client's fields: their JSON kinds, no null list entries, the text's size.</summary>
    public static ActivityProblem? CheckContent(Activity activity)
    {
        if (activity.Text?.Length > MaxTextChars) return ActivityProblem.TooLarge($"The text is over {MaxTextChars} characters.");
        if (activity.Summary?.Length > MaxTextChars) return ActivityProblem.TooLarge($"The summary is over {MaxTextChars} characters.");
        if (activity.Attachments?.Any(a => a is null) == true) return ActivityProblem.Bad("attachments must not hold null.");
        if ((MembersProblem(activity.MembersAdded, "membersAdded") ?? MembersProblem(activity.MembersRemoved, "membersRemoved")) is { } members) return members;
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity is null) return ActivityProblem.Bad("entities must not hold null.");
            if (entity.Type == "mention" && MentionProblem(entity) is { } mention) return mention;
        }
        if (activity.ChannelData is { ValueKind: JsonValueKind.Object } data)
        {
            if (data.TryGetProperty("tenant", out var tenant) && ObjectProblem(tenant, "channelData.tenant", ["id"]) is { } t) return t;
            if (data.TryGetProperty("team", out var team) && ObjectProblem(team, "channelData.team", ["id", "name"]) is { } g) return g;
        }
        if (activity.Value is { ValueKind: JsonValueKind.Object } value)
        {
            if (ObjectProblem(value, "value", ValueStrings) is { } v) return v;
            if (value.TryGetProperty("action", out var action))
            {
                if (ObjectProblem(action, "value.action", ["type", "verb", "title"]) is { } a) return a;
                if (action.ValueKind == JsonValueKind.Object && action.TryGetProperty("data", out var submitted)
                    && ObjectProblem(submitted, "value.action.data", ValueStrings) is { } d) return d;
            }
        }
        return null;
    }

    public static bool IsHttpUrl(string? url) =>
        url is { Length: > 0 and <= MaxServiceUrlChars }
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && string.IsNullOrEmpty(uri.UserInfo);

    private static ActivityProblem? MembersProblem(IReadOnlyList<ChannelAccount>? members, string name)
    {
        foreach (var member in members ?? [])
        {
            if (member is not { Id: { Length: > 0 and <= MaxIdChars } }) return ActivityProblem.Bad($"Each of {name} must have a non-empty id.");
        }
        return null;
    }

    private static ActivityProblem? MentionProblem(Entity mention)
    {
        var properties = mention.Properties ?? [];
        if (properties.TryGetValue("text", out var text) && text.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            return ActivityProblem.Bad("A mention's text must be a string.");
        return properties.TryGetValue("mentioned", out var mentioned) ? ObjectProblem(mentioned, "A mention's mentioned", ["id", "name"]) : null;
    }

    /// <summary>Null when <paramref name="element"/> is null or an object whose named fields are strings (or null).</summary>
    private static ActivityProblem? ObjectProblem(JsonElement element, string name, string[] strings)
    {
        if (element.ValueKind == JsonValueKind.Null) return null;
        if (element.ValueKind != JsonValueKind.Object) return ActivityProblem.Bad($"{name} must be an object.");
        foreach (var field in strings)
        {
            if (element.TryGetProperty(field, out var value) && value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                return ActivityProblem.Bad($"{name}.{field} must be a string.");
        }
        return null;
    }

    /// <summary>
    /// The path of the first string (value or property name) that cannot be read as text, or null. JSON may escape half
    /// a surrogate pair (<c>"\ud800"</c>); such a string breaks whatever reads it later, so it is refused here.
    /// </summary>
    public static string? UnreadableString(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return IsText(() => element.GetString()) ? null : path;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return path + ".?";
                    }
                    if (!IsText(() => name)) return path + ".?";
                    if (UnreadableString(property.Value, path + "." + name) is { } inner) return inner;
                }
                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (UnreadableString(item, $"{path}[{index++}]") is { } inner) return inner;
                }
                return null;
            default:
                return null;
        }
    }

    private static bool IsText(Func<string?> read)
    {
        string? text;
        try
        {
            text = read();
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        if (text is null) return true;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return false;
        }
        return true;
    }
}

/// <summary>Why an inbound activity was refused: the HTTP status (400, or 413 for size) and a reason for the sender.</summary>
public sealed record ActivityProblem(int Status, string Error)
{
    public static ActivityProblem Bad(string error) => new(400, error);

    public static ActivityProblem TooLarge(string error) => new(413, error);
}
