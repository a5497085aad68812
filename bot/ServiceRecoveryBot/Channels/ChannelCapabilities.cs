using System.Text.Json;
using ServiceRecoveryBot.Channels.Cards;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Channels;

/// <summary>What a channel can show. Cards where it renders Adaptive Cards; plain text everywhere else.</summary>
public static class ChannelCapabilities
{
    private static readonly HashSet<string> CardChannels = new(StringComparer.OrdinalIgnoreCase) { "msteams", "directline", "webchat", "emulator" };

    public static bool SupportsCards(string? channelId) => channelId is not null && CardChannels.Contains(channelId);

    /// <summary>
    /// Keeps the card (and drops the duplicate text) where cards render; keeps the text and drops the card elsewhere,
    /// turning the card's case buttons (Approve, Snooze …) into suggested actions that send the same command as text
    /// ("approve SR-7K3Q"), so a manager in Slack still acts with one tap.
    /// </summary>
    public static Activity Fit(Activity activity, string? channelId)
    {
        if (activity.Attachments is not { Count: > 0 }) return activity;
        if (SupportsCards(channelId)) return activity with { Text = null };
        var buttons = activity.Attachments.SelectMany(a => CommandButtons(a.Content)).ToList();
        return activity with
        {
            Attachments = null,
            SuggestedActions = activity.SuggestedActions ?? (buttons.Count > 0 ? new SuggestedActions { Actions = buttons } : null),
        };
    }

    /// <summary>The card's Action.Submit buttons that carry a case command, as the command typed out; ones that need an input (another amount) are left out.</summary>
    private static IEnumerable<CardAction> CommandButtons(JsonElement? card)
    {
        if (card is not { ValueKind: JsonValueKind.Object } content) return [];
        var found = new List<CardAction>();
        Collect(content, found);
        return found;
    }

    private static void Collect(JsonElement element, List<CardAction> found)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray()) Collect(item, found);
            return;
        }
        if (element.ValueKind != JsonValueKind.Object) return;
        if (element.TryGetProperty("type", out var type) && type.ValueEquals("Action.Submit")
            && element.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty(ManagerCards.CommandKey, out var command) && data.TryGetProperty(ManagerCards.CaseKey, out var caseId)
            && Typed(command.GetString()) is { } typed)
        {
            var title = element.TryGetProperty("title", out var t) ? t.GetString() : null;
            found.Add(new CardAction { Type = "imBack", Title = title ?? typed, Value = $"{typed} {caseId.GetString()}" });
            return;
        }
        foreach (var property in element.EnumerateObject()) Collect(property.Value, found);
    }

    /// <summary>The command as staff type it (see ManagerCommands): "followup" is "follow up"; "approve-amount" needs a number.</summary>
    private static string? Typed(string? command) => command switch
    {
        "followup" => "follow up",
        "approve" or "decline" or "snooze" or "reassign" or "kept" => command,
        _ => null,
    };
}
