using System.IO.Compression;
using System.Text.Json.Nodes;
using ServiceRecoveryBot.Testing;

namespace ServiceRecoveryBot.DeploymentTests.Teams;

public sealed class TeamsPackageTests : IDisposable
{
    private const string BotId = "1b4f2f9e-0c3a-4a6e-9d1e-3c2b7a8f9e10";

    private readonly string _outDir = Directory.CreateTempSubdirectory("srbot-teams-package-").FullName;

    public void Dispose() => Directory.Delete(_outDir, recursive: true);

    private string ZipPath => Path.Combine(_outDir, "ServiceRecoveryBot-teams.zip");

    private Task<ProcessRun> BuildPackageAsync(string botId, IReadOnlyDictionary<string, string>? environment = null) =>
        ScriptRun.BashAsync(RepoPaths.PackageScript, [botId, _outDir], environment);

    private static string ReadEntry(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    [Fact]
    public async Task Package_is_a_zip_with_the_manifest_and_both_icons_at_its_root()
    {
        var run = await BuildPackageAsync(BotId);

        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.Equal(ZipPath, run.StandardOutput.Trim());
        using var zip = ZipFile.OpenRead(ZipPath);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
    }

    [Fact]
    public async Task Package_manifest_carries_the_bot_id_and_stays_valid()
    {
        var run = await BuildPackageAsync(BotId);
        Assert.True(run.ExitCode == 0, run.StandardError);

        using var zip = ZipFile.OpenRead(ZipPath);
        string json = ReadEntry(zip, "manifest.json");

        Assert.Equal(BotId, JsonNode.Parse(json)!["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.DoesNotContain(TeamsManifestTests.BotIdPlaceholder, json, StringComparison.Ordinal);
        Assert.Empty(await TeamsSchema.ValidateAsync(json));
    }

    [Fact]
    public async Task Package_icons_are_the_committed_icons()
    {
        await BuildPackageAsync(BotId);

        using var zip = ZipFile.OpenRead(ZipPath);
        foreach (string icon in new[] { "color.png", "outline.png" })
        {
            using var entry = new MemoryStream();
            await zip.GetEntry(icon)!.Open().CopyToAsync(entry);
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(RepoPaths.TeamsManifestFolder, icon)), entry.ToArray());
        }
    }

    [Fact]
    public async Task Package_takes_an_app_id_and_the_bot_domain_from_the_environment()
    {
        const string appId = "0d9b3f4c-7a51-4c1e-8f60-2b7e5d1a9c33";
        var run = await BuildPackageAsync(BotId, new Dictionary<string, string>
        {
            ["TEAMS_APP_ID"] = appId,
            ["BOT_DOMAIN"] = "app-srbot-dev-abc123.azurewebsites.net",
        });
        Assert.True(run.ExitCode == 0, run.StandardError);

        using var zip = ZipFile.OpenRead(ZipPath);
        string json = ReadEntry(zip, "manifest.json");
        var manifest = JsonNode.Parse(json)!;

        Assert.Equal(appId, manifest["id"]!.GetValue<string>());
        Assert.Contains("app-srbot-dev-abc123.azurewebsites.net", manifest["validDomains"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Empty(await TeamsSchema.ValidateAsync(json));
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("1b4f2f9e0c3a4a6e9d1e3c2b7a8f9e10")]
    [InlineData("1b4f2f9e-0c3a-4a6e-9d1e-3c2b7a8f9e1")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("1b4f2f9e-0c3a-4a6e-9d1e-3c2b7a8f9e10; rm -rf /")]
    public async Task Package_script_refuses_a_bot_id_that_is_not_a_guid(string botId)
    {
        var run = await BuildPackageAsync(botId);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("is not a bot app id", run.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(ZipPath));
    }
}
