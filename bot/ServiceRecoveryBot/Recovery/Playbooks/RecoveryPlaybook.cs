using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Recovery.Playbooks;

/// <summary>
/// The merged recovery playbook: stage tips, the atonement ladder, and per-category wording, fixes and gestures.
/// Data, not code: it lives in recovery-playbook.json and is validated when loaded.
/// </summary>
public sealed class RecoveryPlaybook
{
    public required IReadOnlyDictionary<string, StageGuide> Stages { get; init; }
    public required IReadOnlyList<LadderRung> Ladder { get; init; }
    public required IReadOnlyList<CategoryPlaybook> Categories { get; init; }

    /// <summary>
    /// A short apology in the customer's language (by ISO 639-1 code), for staff who do not speak it well: said in the
    /// guest's own language, even a simple sorry shows respect. English is not listed; the category wording is English.
    /// </summary>
    public IReadOnlyDictionary<string, string> ApologyInLanguage { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The message to send the customer at follow-up, by language code, with <c>{date}</c> for the day of the failure
    /// (domain: "drafts the follow-up message, in the customer's language where possible"). "en" is the default.
    /// </summary>
    public IReadOnlyDictionary<string, string> FollowUpMessage { get; init; } = new Dictionary<string, string>();

    public CategoryPlaybook For(FailureCategory category) => Categories.First(c => c.Category == category);

    /// <summary>The follow-up message in <paramref name="language"/>, dated <paramref name="failedOn"/> as that language writes a day; null when there is none.</summary>
    public string? FollowUpMessageIn(string language, DateTimeOffset failedOn) =>
        FollowUpMessage.TryGetValue(language, out var template)
            ? template.Replace("{date}", failedOn.ToString(language switch { "en" => "d MMM", "de" => "dd.MM.", _ => "dd/MM" }, CultureInfo.InvariantCulture), StringComparison.Ordinal)
            : null;

    /// <summary>The apology in <paramref name="language"/> (a code such as "es"), when the playbook has one.</summary>
    public string? ApologyIn(string? language) => language is not null && ApologyInLanguage.TryGetValue(language, out var wording) ? wording : null;

    public StageGuide Stage(string key) => Stages[key];

    public static RecoveryPlaybook LoadDefault()
    {
        using var stream = typeof(RecoveryPlaybook).Assembly.GetManifestResourceStream("recovery-playbook.json")
            ?? throw new InvalidOperationException("The recovery playbook resource is missing from the build.");
        return Load(stream);
    }

    public static RecoveryPlaybook Load(Stream json)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
        var playbook = JsonSerializer.Deserialize<RecoveryPlaybook>(json, options) ?? throw new InvalidDataException("The playbook is empty.");
        var missing = Enum.GetValues<FailureCategory>().Where(c => playbook.Categories.All(p => p.Category != c)).ToList();
        if (missing.Count > 0) throw new InvalidDataException("The playbook has no entry for: " + string.Join(", ", missing));
        string[] stages = ["apologize", "listen", "fix", "atone", "promise", "followUp"];
        if (stages.FirstOrDefault(s => !playbook.Stages.ContainsKey(s)) is { } stage) throw new InvalidDataException($"The playbook has no '{stage}' stage.");
        if (playbook.Categories.FirstOrDefault(c => c.Apology.Count < 2 || c.Fixes.Count == 0 || c.Atonement.Count == 0) is { } thin)
            throw new InvalidDataException($"The playbook entry for {thin.Category} needs two apologies, fixes and gestures.");
        return playbook;
    }
}

public sealed record StageGuide(string Title, string Tip, string Avoid);

public sealed record LadderRung(int Level, string Name, string Cost);

public sealed record CategoryPlaybook(
    FailureCategory Category,
    string Title,
    IReadOnlyList<string> Keywords,
    int BaseSeverity,
    IReadOnlyList<string> Apology,
    IReadOnlyList<string> ListenTips,
    IReadOnlyList<string> Fixes,
    IReadOnlyList<string> Atonement)
{
    /// <summary>The apology for a case this severe: the plain one for S1-S2, the stronger one for S3-S4.</summary>
    public string ApologyFor(int severity) => severity >= 3 ? Apology[1] : Apology[0];
}
