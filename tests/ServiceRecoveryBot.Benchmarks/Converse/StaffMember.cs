using System.Text.Json.Nodes;

namespace ServiceRecoveryBot.Benchmarks.Converse;

/// <summary>
/// Plays the staff member against any Bot Framework bot, reading only what the bot showed: presses the suggested (else
/// the first) button of a card or of the suggested actions, submits a card's form with its pre-filled values, or types a
/// plausible answer to a text question. It knows no dialog, so a change to the bot's flow changes its path, not its use.
/// </summary>
public static class StaffMember
{
    public const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";

    /// <summary>What a message offers to act on: a button, a form, or nothing (a statement).</summary>
    public static bool OffersAction(JsonObject message) => PickAction(message) is not null;

    /// <summary>
    /// The staff member's answer to the bot's last message, as the parts of an activity a channel sends: text, value, or
    /// an invoke. Null when the message asks for nothing (no button, no form, no question).
    /// </summary>
    public static Answer? AnswerTo(JsonObject message) =>
        PickAction(message) ?? (IsQuestion(Text(message)) ? new Answer(TypedAnswer(Text(message)), null, null) : null);

    /// <summary>A plausible reply to a text question, chosen by what it asks about.</summary>
    public static string TypedAnswer(string question)
    {
        var q = question.ToLowerInvariant();
        if (ContainsAny(q, "what happened", "describe", "tell me what", "what went wrong"))
            return "Room service to 1207 took 50 minutes and the breakfast arrived cold.";
        if (ContainsAny(q, "own words", "customer say", "guest say", "quote", "their words"))
            return "Fifty minutes for cold eggs, this is the second time.";
        if (ContainsAny(q, "yes or no", "(y/n)", "yes/no"))
            return "yes";
        if (ContainsAny(q, "how much", "amount"))
            return "20";
        if (ContainsAny(q, "name"))
            return "Alex Morgan";
        if (ContainsAny(q, "fix", "offer", "what did you do", "what will you do"))
            return "Sent a fresh breakfast at once and took it off the bill.";
        if (ContainsAny(q, "when", "what time"))
            return "tomorrow 10:00";
        if (ContainsAny(q, "\n1.", "\n1)", " 1.", "1)", "(1)"))
            return "1";
        return "The guest was upset about the wait and the cold food.";
    }

    public static string Text(JsonObject message) => message["text"] is JsonValue v && v.TryGetValue(out string? s) ? s : "";

    private static bool IsQuestion(string text) => text.Contains('?', StringComparison.Ordinal);

    private static bool ContainsAny(string text, params string[] parts) => parts.Any(p => text.Contains(p, StringComparison.Ordinal));

    private static Answer? PickAction(JsonObject message)
    {
        if (message["attachments"] is JsonArray attachments)
            foreach (var attachment in attachments.OfType<JsonObject>())
            {
                var content = attachment["content"] as JsonObject;
                if (content is null) continue;
                var type = (string?)attachment["contentType"];
                var answer = type == AdaptiveCard ? FromAdaptiveCard(content, []) : FromCardButtons(content["buttons"] as JsonArray);
                if (answer is not null) return answer;
            }
        return FromCardButtons((message["suggestedActions"] as JsonObject)?["actions"] as JsonArray);
    }

    /// <summary>Hero/thumbnail card buttons and suggested actions: the first imBack, postBack or messageBack.</summary>
    private static Answer? FromCardButtons(JsonArray? buttons)
    {
        foreach (var button in buttons?.OfType<JsonObject>() ?? [])
        {
            var value = button["value"];
            switch ((string?)button["type"])
            {
                case "imBack":
                case "postBack":
                    return new Answer(value?.ToString() ?? (string?)button["title"] ?? "", null, null);
                case "messageBack":
                    return new Answer((string?)button["text"] ?? (string?)button["displayText"], value?.DeepClone(), null);
            }
        }
        return null;
    }

    /// <summary>
    /// An Adaptive Card: the action styled positive (the suggested one), else the first submit; Web Chat's way of sending
    /// it (the data object merged with the card's inputs as the value; string data as text). A ShowCard opens its card.
    /// </summary>
    private static Answer? FromAdaptiveCard(JsonObject card, Dictionary<string, JsonNode?> inputs)
    {
        CollectInputs(card["body"], inputs);
        var actions = AllActions(card).Where(a => (string?)a["type"] is "Action.Submit" or "Action.Execute" or "Action.ShowCard").ToList();
        var chosen = actions.FirstOrDefault(a => (string?)a["style"] == "positive") ?? actions.FirstOrDefault();
        if (chosen is null)
            return null;
        if ((string?)chosen["type"] == "Action.ShowCard")
            return chosen["card"] is JsonObject shown ? FromAdaptiveCard(shown, inputs) : null;

        var data = chosen["data"];
        if (data is JsonValue text && text.TryGetValue(out string? s))
            return new Answer(s, null, null);
        var value = data is JsonObject o ? (JsonObject)o.DeepClone() : [];
        value.Remove("msteams");
        foreach (var (id, input) in inputs)
            value[id] = input?.DeepClone();
        if ((string?)chosen["type"] == "Action.Execute")
            return new Answer(null, null, new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = chosen["verb"]?.DeepClone(), ["data"] = value } });
        return new Answer(null, value, null);
    }

    private static IEnumerable<JsonObject> AllActions(JsonObject card)
    {
        foreach (var action in (card["actions"] as JsonArray)?.OfType<JsonObject>() ?? [])
            yield return action;
        foreach (var element in Elements(card["body"]))
            if ((string?)element["type"] == "ActionSet")
                foreach (var action in (element["actions"] as JsonArray)?.OfType<JsonObject>() ?? [])
                    yield return action;
    }

    /// <summary>Every element of a card body, containers and columns included (bounded by the JSON's own depth).</summary>
    private static IEnumerable<JsonObject> Elements(JsonNode? body)
    {
        foreach (var element in (body as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            yield return element;
            foreach (var key in new[] { "items", "columns", "body" })
                foreach (var inner in Elements(element[key]))
                    yield return inner;
        }
    }

    private static void CollectInputs(JsonNode? body, Dictionary<string, JsonNode?> inputs)
    {
        foreach (var element in Elements(body))
        {
            if ((string?)element["type"] is not { } type || !type.StartsWith("Input.", StringComparison.Ordinal) || (string?)element["id"] is not { } id)
                continue;
            var value = element["value"]?.DeepClone();
            if (value is null && type == "Input.Text" && element["isRequired"] is JsonValue required && required.TryGetValue(out bool isRequired) && isRequired)
                value = TypedAnswer(((string?)element["label"] ?? "") + " " + ((string?)element["placeholder"] ?? ""));
            if (value is null && type == "Input.ChoiceSet" && element["choices"] is JsonArray { Count: > 0 } choices)
                value = choices[0]?["value"]?.DeepClone();
            if (value is not null)
                inputs[id] = value;
        }
    }
}

/// <summary>The parts of the activity the staff member sends: text, a submitted value, or an invoke's value.</summary>
public sealed record Answer(string? Text, JsonNode? Value, JsonNode? InvokeValue);
