using ServiceRecoveryBot.Sentiment;

namespace ServiceRecoveryBot.Tests.Sentiment;

/// <summary>
/// Finds the shared folder: env SHARED_DIR, else walking up from the test assembly to a directory holding
/// <c>shared/fixtures</c> (the repository is &lt;root&gt;/main or a worktree beside it, shared is &lt;root&gt;/shared).
/// </summary>
internal static class SentimentTestPaths
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

    public static string Fixture(params string[] parts) => Path.Combine([SharedDirectory(), "fixtures", .. parts]);

    public static string LexiconPath() => VaderLexicon.FindNpmLexicon([AppContext.BaseDirectory])
        ?? throw new FileNotFoundException("node_modules/vader-sentiment/vader_lexicon.txt not found above the test assembly; run 'npm ci' at the repository root.");
}
