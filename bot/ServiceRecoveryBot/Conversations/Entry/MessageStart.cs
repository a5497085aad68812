using System.Text.Json;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Conversations.Entry;

/// <summary>
/// A case opened from a message someone wrote elsewhere (Teams' message action, Slack's message shortcut): its text as
/// the incident, its author as the reporter, and the category and severity the person chose in the form. It rides on
/// a message in the invoker's personal chat that says "new case: …", so the recovery runs as a typed one would.
/// </summary>
public sealed record MessageStart(string Incident, string? Reporter, FailureCategory? Category, int? Severity, CaseId? CaseId)
{
    /// <summary>The name of the message activity that carries a start (its value holds the fields).</summary>
    public const string ActivityName = "serviceRecovery/caseFromMessage";

    public const int MaxIncidentLength = 2000;

    /// <summary>The start an activity carries, or null when it carries none.</summary>
    public static MessageStart? Of(Activity activity)
    {
        if (activity.Name != ActivityName || activity.Value is not { ValueKind: JsonValueKind.Object } value) return null;
        if (StringOf(value, "incident") is not { Length: > 0 } incident) return null;
        return new MessageStart(
            incident,
            StringOf(value, "reporter"),
            Enum.TryParse<FailureCategory>(StringOf(value, "category"), out var category) && Enum.IsDefined(category) ? category : null,
            value.TryGetProperty("severity", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out var severity) && severity is >= 1 and <= 4 ? severity : null,
            ServiceRecoveryBot.Recovery.Cases.CaseId.TryParse(StringOf(value, "caseId")));
    }

    /// <summary><paramref name="message"/> carrying this start: "new case: …" as its text, the fields as its value.</summary>
    public Activity Onto(Activity message) => message with
    {
        Name = ActivityName,
        Text = "new case: " + Incident,
        Value = JsonSerializer.SerializeToElement(new Dictionary<string, object?>
        {
            ["incident"] = Incident,
            ["reporter"] = Reporter,
            ["category"] = Category?.ToString(),
            ["severity"] = Severity,
            ["caseId"] = CaseId?.Value,
        }),
    };

    private static string? StringOf(JsonElement value, string property) =>
        value.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
