using System.Collections.Concurrent;
using System.Text.Json;
using NJsonSchema;
using NJsonSchema.Validation;

namespace ServiceRecoveryBot.DeploymentTests.Teams;

/// <summary>Validates Teams manifests offline against the official schema bundled in node_modules.</summary>
internal static class TeamsSchema
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<JsonSchema>>> Schemas = new();

    public static string ManifestVersionOf(string manifestJson)
    {
        using var doc = JsonDocument.Parse(manifestJson);
        return doc.RootElement.GetProperty("manifestVersion").GetString()
            ?? throw new InvalidDataException("manifestVersion is null.");
    }

    public static async Task<IReadOnlyList<string>> ValidateAsync(string manifestJson)
    {
        string version = ManifestVersionOf(manifestJson);
        JsonSchema schema = await Schemas.GetOrAdd(version,
            v => new Lazy<Task<JsonSchema>>(() => JsonSchema.FromFileAsync(RepoPaths.TeamsSchema(v)))).Value;
        return [.. Flatten(schema.Validate(manifestJson))];
    }

    private static IEnumerable<string> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            yield return $"{error.Path}: {error.Kind} (line {error.LineNumber})";
            if (error is ChildSchemaValidationError child)
            {
                foreach (var nested in child.Errors.Values.SelectMany(Flatten))
                {
                    yield return "  " + nested;
                }
            }
        }
    }
}
