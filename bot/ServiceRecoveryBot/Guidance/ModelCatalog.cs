using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Recovery.Playbooks;

namespace ServiceRecoveryBot.Guidance;

/// <summary>
/// Every recovery model staff can ask for by name, plus the merged playbook (the default) built from the same
/// <see cref="RecoveryPlaybook"/> stages the recovery dialog follows, and that playbook specialised per failure category
/// (model id "merged:BillingError").
/// </summary>
public sealed class ModelCatalog
{
    public const string MergedId = "merged";
    private const string CategoryPrefix = MergedId + ":";
    private static readonly string[] StageOrder = ["apologize", "listen", "fix", "atone", "promise", "followUp"];

    private readonly RecoveryPlaybook playbook;
    private readonly MergedSpec merged;
    private readonly Dictionary<string, RecoveryModel> models = new(StringComparer.Ordinal);

    public ModelCatalog(RecoveryPlaybook playbook) : this(playbook, GuidanceData.Load<ModelsFile>("guidance-models.json"))
    {
    }

    internal ModelCatalog(RecoveryPlaybook playbook, ModelsFile file)
    {
        this.playbook = playbook;
        merged = file.Merged;
        var all = new List<RecoveryModel> { BuildMerged(null) };
        all.AddRange(file.Models);
        foreach (var model in all)
        {
            if (model.Steps.Count == 0) throw new InvalidDataException($"Recovery model {model.Id} has no steps.");
            if (!models.TryAdd(model.Id, model)) throw new InvalidDataException($"Two recovery models share the id {model.Id}.");
        }
        Models = all;
    }

    /// <summary>The named models, the merged playbook first.</summary>
    public IReadOnlyList<RecoveryModel> Models { get; }

    public RecoveryModel Default => models[MergedId];

    /// <summary>A model by id, including the per-category playbooks ("merged:WaitOrDelay").</summary>
    public RecoveryModel? Find(string id)
    {
        if (models.TryGetValue(id, out var model)) return model;
        if (id.StartsWith(CategoryPrefix, StringComparison.Ordinal) && Enum.TryParse<FailureCategory>(id[CategoryPrefix.Length..], out var category) && Enum.IsDefined(category))
            return ForCategory(category);
        return null;
    }

    public static string IdFor(FailureCategory category) => CategoryPrefix + category;

    /// <summary>The merged playbook with this category's apology wording, listening tips, fixes and gestures.</summary>
    public RecoveryModel ForCategory(FailureCategory category) => BuildMerged(playbook.For(category));

    private RecoveryModel BuildMerged(CategoryPlaybook? category)
    {
        var steps = StageOrder.Select(key => Step(key, playbook.Stage(key), category)).ToList();
        return category is null
            ? new RecoveryModel(merged.Id, merged.Name, merged.Source, "Say \"guide\" plus the problem (\"guide double charge\") for wording and fixes specific to it.", merged.Aliases, steps)
            : new RecoveryModel(IdFor(category.Category), $"{merged.Name}: {category.Title.ToLowerInvariant()}", merged.Source, null, [], steps);
    }

    private ModelStep Step(string key, StageGuide stage, CategoryPlaybook? category)
    {
        var say = merged.Wording.TryGetValue(key, out var wording) ? wording : "";
        if (category is null) return new ModelStep(stage.Title, stage.Tip, say, stage.Avoid);
        return key switch
        {
            "apologize" => new ModelStep(stage.Title, $"{stage.Tip} If it's serious: \"{category.Apology[1]}\"", category.Apology[0], stage.Avoid),
            "listen" => new ModelStep(stage.Title, $"{stage.Tip} {string.Join(" ", category.ListenTips)}", say, stage.Avoid),
            "fix" => new ModelStep(stage.Title, $"{stage.Tip} Options: {Join(category.Fixes)}.", say, stage.Avoid),
            "atone" => new ModelStep(stage.Title, $"{stage.Tip} Ideas: {Join(category.Atonement)}.", say, stage.Avoid),
            _ => new ModelStep(stage.Title, stage.Tip, say, stage.Avoid),
        };
    }

    private static string Join(IReadOnlyList<string> items) => string.Join("; ", items.Select((item, i) => i == 0 ? item : char.ToLowerInvariant(item[0]) + item[1..]));
}
