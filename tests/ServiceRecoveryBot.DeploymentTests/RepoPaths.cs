namespace ServiceRecoveryBot.DeploymentTests;

/// <summary>Files of the repository, found from the test binaries by walking up to ServiceRecoveryBot.sln.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string TeamsManifestFolder => Path.Combine(Root, "manifest", "teams");

    public static string TeamsManifest => Path.Combine(TeamsManifestFolder, "manifest.json");

    public static string PackageScript => Path.Combine(Root, "scripts", "build-teams-package.sh");

    public static string TeamsSchema(string manifestVersion)
    {
        string path = Path.Combine(Root, "node_modules", "@microsoft", "app-manifest", "build", "json-schemas",
            "teams", $"v{manifestVersion}", "MicrosoftTeams.schema.json");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The official Teams schema v{manifestVersion} is not at {path}. Run `npm ci` at the repository root " +
                "(package.json pins @microsoft/app-manifest, which bundles the schemas).", path);
        }

        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ServiceRecoveryBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No ServiceRecoveryBot.sln above {AppContext.BaseDirectory}.");
    }
}
