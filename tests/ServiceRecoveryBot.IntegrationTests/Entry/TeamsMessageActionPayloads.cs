using System.Text.Json.Nodes;

namespace ServiceRecoveryBot.IntegrationTests.Entry;

/// <summary>
/// The message action's invokes as Teams sends them, built from Microsoft's "Create and send dialogs" page (the invoke
/// from a channel, reply to thread: conversation with <c>;messageid=</c>, <c>channelData.team/channel/tenant</c>,
/// <c>value.commandContext: "message"</c> and the <c>messagePayload</c> with its HTML body and author) and, for the
/// submit, "Respond to the dialog submit action" (<c>value.data</c> holds the card's inputs).
/// </summary>
internal static class TeamsMessageActionPayloads
{
    public const string Tenant = "f5ffd8cf-a1aa-4242-adad-86509faa3be5";
    public const string TeamId = "19:8d46058cda57449380517cc374727f2a@thread.tacv2";
    public const string Channel = "19:8d46058cda57449380517cc374727f2a@thread.tacv2";
    public const string RootMessageId = "1611060744833";
    public const string InvokerId = "29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85gQtHieVkKilBZ9XHoq9j7Zaqt7CZ-NJWi7me2kHTL3Bw";

    public static JsonObject FetchTask(string serviceUrl, string html, string teamId = TeamId, string channel = Channel) => Invoke("composeExtension/fetchTask", serviceUrl, html, teamId, channel, data: null);

    public static JsonObject SubmitAction(string serviceUrl, string html, JsonObject data) => Invoke("composeExtension/submitAction", serviceUrl, html, TeamId, Channel, data);

    private static JsonObject Invoke(string name, string serviceUrl, string html, string teamId, string channel, JsonObject? data)
    {
        var value = new JsonObject
        {
            ["commandId"] = "logServiceRecovery",
            ["commandContext"] = "message",
            ["requestId"] = "7f7d22efe5414818becebcec649a7912",
            ["context"] = new JsonObject { ["theme"] = "default" },
            ["messagePayload"] = new JsonObject
            {
                ["linkToMessage"] = $"https://teams.microsoft.com/l/message/{channel}/{RootMessageId}",
                ["id"] = RootMessageId,
                ["replyToId"] = null,
                ["createdDateTime"] = "2021-01-19T12:52:24.833Z",
                ["lastModifiedDateTime"] = null,
                ["deleted"] = false,
                ["summary"] = null,
                ["importance"] = "normal",
                ["locale"] = "en-us",
                ["body"] = new JsonObject { ["contentType"] = "html", ["content"] = html },
                ["from"] = new JsonObject
                {
                    ["device"] = null,
                    ["conversation"] = null,
                    ["user"] = new JsonObject { ["userIdentityType"] = "aadUser", ["id"] = "b130c271-d2eb-45f9-83ab-9eb3fe3788bc", ["displayName"] = "Olo Brockhouse" },
                    ["application"] = null,
                },
                ["reactions"] = new JsonArray(),
                ["mentions"] = new JsonArray(),
                ["attachments"] = new JsonArray(),
            },
        };
        if (data is not null) value["data"] = data;
        return new JsonObject
        {
            ["type"] = "invoke",
            ["name"] = name,
            ["id"] = "f:" + Guid.NewGuid().ToString("D"),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["localTimestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = InvokerId, ["name"] = "Megan Bowen", ["aadObjectId"] = "7faf8ab2-3d56-4244-b585-20c8a42ed2b8" },
            ["conversation"] = new JsonObject
            {
                ["isGroup"] = true, ["conversationType"] = "channel", ["id"] = $"{channel};messageid={RootMessageId}", ["name"] = "Front desk", ["tenantId"] = Tenant,
            },
            ["recipient"] = new JsonObject { ["id"] = "28:5710acff-f313-453f-8b75-44fff54bab14", ["name"] = "ServiceRecoveryBot" },
            ["entities"] = new JsonArray(new JsonObject { ["locale"] = "en-US", ["country"] = "US", ["platform"] = "Web", ["timezone"] = "Europe/London", ["type"] = "clientInfo" }),
            ["channelData"] = new JsonObject
            {
                ["channel"] = new JsonObject { ["id"] = channel },
                ["team"] = new JsonObject { ["id"] = teamId },
                ["tenant"] = new JsonObject { ["id"] = Tenant },
                ["source"] = new JsonObject { ["name"] = "message" },
            },
            ["value"] = value,
            ["locale"] = "en-US",
        };
    }
}
