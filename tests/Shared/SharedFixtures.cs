namespace ServiceRecoveryBot.Testing;

/// <summary>
/// The project's shared folder: env SHARED_DIR, else the first directory above the test assembly holding
/// <c>shared/fixtures</c> (the repository is &lt;root&gt;/main or a clone beside it, shared is &lt;root&gt;/shared).
/// </summary>
internal static class SharedFixtures
{
    public static string SharedDirectory()
    {
        var env = Environment.GetEnvironmentVariable("SHARED_DIR");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(Path.Combine(env, "fixtures")))
        {
            return env;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "shared", "fixtures")))
            {
                return Path.Combine(dir.FullName, "shared");
            }
        }

        throw new DirectoryNotFoundException($"No shared/fixtures above {AppContext.BaseDirectory}; set SHARED_DIR.");
    }

    /// <summary>A file under shared/fixtures, e.g. <c>Fixture("slack", "url_verification.json")</c>.</summary>
    public static string Fixture(params string[] parts) => Path.Combine([SharedDirectory(), "fixtures", .. parts]);
}
