using System.Text.Json;
using System.Text.Json.Serialization;
using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Guidance;

/// <summary>Loads the embedded guidance JSON (models, knowledge base, lexicon) and checks it.</summary>
internal static class GuidanceData
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static T Load<T>(string name)
    {
        using var stream = typeof(GuidanceData).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The guidance resource {name} is missing from the build.");
        return JsonSerializer.Deserialize<T>(stream, Options) ?? throw new InvalidDataException($"The guidance resource {name} is empty.");
    }

    public static IReadOnlyList<KnowledgeEntry> Knowledge()
    {
        var entries = Load<List<KnowledgeEntry>>("guidance-knowledge.json");
        if (entries.GroupBy(e => e.Id).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
            throw new InvalidDataException($"Two knowledge entries share the id {duplicate.Key}.");
        if (entries.FirstOrDefault(e => string.IsNullOrWhiteSpace(e.Answer) || e.Questions.Count == 0) is { } thin)
            throw new InvalidDataException($"Knowledge entry {thin.Id} needs an answer and questions.");
        return entries;
    }
}

internal sealed record ModelsFile(MergedSpec Merged, IReadOnlyList<RecoveryModel> Models);

internal sealed record MergedSpec(string Id, string Name, string Source, IReadOnlyList<string> Aliases, IReadOnlyDictionary<string, string> Wording);

internal sealed record Lexicon(IReadOnlyList<string> StopWords, IReadOnlyList<IReadOnlyList<string>> SynonymGroups, IReadOnlyList<CategoryTerms> Categories);

internal sealed record CategoryTerms(FailureCategory Category, IReadOnlyList<string> Terms);
