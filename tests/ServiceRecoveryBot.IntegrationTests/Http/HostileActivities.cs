using System.Text;
using System.Text.Json.Nodes;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.IntegrationTests.Http;

/// <summary>
/// The table of hostile changes to a good activity, each with the status <c>/api/messages</c> must answer: the rule set
/// of <see cref="ActivityRules"/> seen from outside. The fuzz run combines them at random.
/// </summary>
public static class HostileActivities
{
    /// <summary>Stands for a lone surrogate: JSON can carry one (<c>"\ud800"</c>), .NET cannot write one, so it goes in as text.</summary>
    public const string LoneSurrogate = "__lone_surrogate__";

    public sealed record Change(string Name, int Status, Action<JsonObject> Apply)
    {
        public override string ToString() => Name;
    }

    public static IReadOnlyList<Change> All { get; } =
    [
        new("from.id is null", 400, a => Field(a, "from")["id"] = null),
        new("from is absent", 400, a => a.Remove("from")),
        new("from.id is empty", 400, a => Field(a, "from")["id"] = ""),
        new("recipient.id is null", 400, a => Field(a, "recipient")["id"] = null),
        new("conversation.id is null", 400, a => Field(a, "conversation")["id"] = null),
        new("conversation is absent", 400, a => a.Remove("conversation")),
        new("text is a number", 400, a => a["text"] = 42),
        new("from.id is an object", 400, a => Field(a, "from")["id"] = new JsonObject { ["x"] = 1 }),
        new("a mention's id is a number", 400, a => a["entities"] = new JsonArray(Mention(id: 28, text: "<at>bot</at>"))),
        new("a mention's text is an array", 400, a => a["entities"] = new JsonArray(Mention(id: "28:bot", text: new JsonArray(1)))),
        new("a mention's mentioned is a string", 400, a => a["entities"] = new JsonArray(new JsonObject { ["type"] = "mention", ["mentioned"] = "bot" })),
        new("entities hold null", 400, a => a["entities"] = new JsonArray((JsonNode?)null)),
        new("channelData.tenant.id is a number", 400, a => a["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = 7 } }),
        new("channelData.tenant is a string", 400, a => a["channelData"] = new JsonObject { ["tenant"] = "t-1" }),
        new("channelData.team is a string", 400, a => a["channelData"] = new JsonObject { ["team"] = "team-1" }),
        new("channelData.team.id is a boolean", 400, a => a["channelData"] = new JsonObject { ["team"] = new JsonObject { ["id"] = true } }),
        new("a card submit's command is a number", 400, a => a["value"] = new JsonObject { ["command"] = 1, ["caseId"] = "SR-7K3Q" }),
        new("a card submit's caseId is an object", 400, a => a["value"] = new JsonObject { ["command"] = "approve", ["caseId"] = new JsonObject() }),
        new("a card submit's answer is a number", 400, a => a["value"] = new JsonObject { ["answer"] = 3 }),
        new("an adaptiveCard/action's type is a number", 400, a => Invoke(a, new JsonObject { ["type"] = 5, ["data"] = new JsonObject() })),
        new("an adaptiveCard/action's action is a string", 400, a => Invoke(a, "Action.Execute")),
        new("an adaptiveCard/action's data command is a number", 400, a => Invoke(a, new JsonObject { ["type"] = "Action.Execute", ["data"] = new JsonObject { ["command"] = 9 } })),
        new("membersRemoved holds null", 400, a => ConversationUpdate(a, "membersRemoved", new JsonArray((JsonNode?)null))),
        new("membersAdded holds a member without an id", 400, a => ConversationUpdate(a, "membersAdded", new JsonArray(new JsonObject { ["name"] = "x" }))),
        new("attachments hold null", 400, a => a["attachments"] = new JsonArray((JsonNode?)null)),
        new("a lone surrogate in value", 400, a => a["value"] = new JsonObject { ["answer"] = LoneSurrogate }),
        new("a lone surrogate in channelData", 400, a => a["channelData"] = new JsonObject { ["note"] = "a" + LoneSurrogate }),
        new("a lone surrogate in entities", 400, a => a["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = LoneSurrogate })),
        new("a lone surrogate in the text", 400, a => a["text"] = "help " + LoneSurrogate),
        new("a lone surrogate in a property name", 400, a => a["channelData"] = new JsonObject { [LoneSurrogate] = 1 }),
        new("text over 32 KB", 413, a => a["text"] = new string('x', ActivityRules.MaxTextChars + 1)),
        new("a body over 1 MB", 413, a => a["channelData"] = new JsonObject { ["padding"] = new string('p', ActivityRules.MaxBodyBytes) }),
        new("a very long channelId and conversation id", 400, a => { a["channelId"] = new string('c', 5000); Field(a, "conversation")["id"] = new string('v', 5000); }),
        new("a conversation id over 1,024 characters", 400, a => Field(a, "conversation")["id"] = new string('v', 1025)),
        new("channelId with a slash", 400, a => a["channelId"] = "ms/teams"),
        new("serviceUrl is file://localhost", 400, a => a["serviceUrl"] = "file://localhost/etc/"),
        new("serviceUrl is absent", 400, a => a.Remove("serviceUrl")),
        new("serviceUrl is not a URL", 400, a => a["serviceUrl"] = "not a url"),
        new("serviceUrl has user info", 400, a => a["serviceUrl"] = "http://user:pw@localhost/"),
        new("serviceUrl is the local Direct Line's own", 400, a => a["serviceUrl"] = "http://localhost/_local/"),
        new("channelId claims slack", 400, a => a["channelId"] = "slack"),
        new("channelId claims Slack in capitals", 400, a => a["channelId"] = "SLACK"),
        new("the body is an array", 400, a => a["__array__"] = true),
    ];

    /// <summary>The JSON text of <paramref name="activity"/> with <paramref name="changes"/> applied.</summary>
    public static string Apply(Activity activity, params Change[] changes)
    {
        var node = JsonNode.Parse(ActivityJson.Serialize(activity))!.AsObject();
        foreach (var change in changes) change.Apply(node);
        if (node.Remove("__array__")) return new JsonArray(node).ToJsonString();
        return node.ToJsonString().Replace(LoneSurrogate, "\\ud800", StringComparison.Ordinal);
    }

    /// <summary>The object under <paramref name="name"/>, made when an earlier change took it away or made it something else.</summary>
    private static JsonObject Field(JsonObject activity, string name)
    {
        if (activity[name] is JsonObject field) return field;
        var made = new JsonObject();
        activity[name] = made;
        return made;
    }

    public static StringContent Content(string json) => new(json, Encoding.UTF8, "application/json");

    private static JsonObject Mention(JsonNode id, JsonNode text) => new()
    {
        ["type"] = "mention",
        ["mentioned"] = new JsonObject { ["id"] = id, ["name"] = "ServiceRecoveryBot" },
        ["text"] = text,
    };

    private static void Invoke(JsonObject activity, JsonNode action)
    {
        activity["type"] = ActivityTypes.Invoke;
        activity["name"] = "adaptiveCard/action";
        activity["value"] = new JsonObject { ["action"] = action };
    }

    private static void ConversationUpdate(JsonObject activity, string members, JsonArray value)
    {
        activity["type"] = ActivityTypes.ConversationUpdate;
        activity.Remove("text");
        activity[members] = value;
    }
}
