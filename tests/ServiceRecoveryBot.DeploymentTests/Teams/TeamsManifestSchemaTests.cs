using System.Text.Json.Nodes;

namespace ServiceRecoveryBot.DeploymentTests.Teams;

public sealed class TeamsManifestSchemaTests
{
    [Fact]
    public async Task Manifest_is_valid_against_the_official_schema()
    {
        string json = await File.ReadAllTextAsync(RepoPaths.TeamsManifest);

        var errors = await TeamsSchema.ValidateAsync(json);

        Assert.True(errors.Count == 0, "manifest.json breaks the Teams schema:\n" + string.Join('\n', errors));
    }

    [Fact]
    public void Manifest_uses_a_current_schema_version_and_names_its_schema()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(RepoPaths.TeamsManifest))!;
        string version = manifest["manifestVersion"]!.GetValue<string>();

        Assert.True(Version.Parse(version) >= new Version(1, 24), $"manifestVersion {version} is older than 1.24");
        Assert.Equal($"https://developer.microsoft.com/json-schemas/teams/v{version}/MicrosoftTeams.schema.json",
            manifest["$schema"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("bot id that is not a GUID", "bots", "botId", "not-a-guid")]
    [InlineData("accent colour that is not #RRGGBB", null, "accentColor", "teal")]
    [InlineData("short name over 30 characters", "name", "short", "ServiceRecoveryBot for every hotel and shop")]
    public async Task The_schema_check_rejects_a_broken_manifest(string because, string? parent, string property, string value)
    {
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(RepoPaths.TeamsManifest))!.AsObject();
        JsonObject target = parent switch
        {
            null => manifest,
            "bots" => manifest["bots"]![0]!.AsObject(),
            _ => manifest[parent]!.AsObject(),
        };
        target[property] = value;

        var errors = await TeamsSchema.ValidateAsync(manifest.ToJsonString());

        Assert.True(errors.Count > 0, $"a manifest with a {because} passed the schema check");
    }
}
