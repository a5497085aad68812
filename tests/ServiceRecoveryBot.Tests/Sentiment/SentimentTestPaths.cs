using ServiceRecoveryBot.Sentiment;
using ServiceRecoveryBot.Testing;

namespace ServiceRecoveryBot.Tests.Sentiment;

/// <summary>The shared folder (<see cref="SharedFixtures"/>) and the npm VADER lexicon.</summary>
internal static class SentimentTestPaths
{
    public static string SharedDirectory() => SharedFixtures.SharedDirectory();

    public static string Fixture(params string[] parts) => SharedFixtures.Fixture(parts);

    public static string LexiconPath() => VaderLexicon.FindNpmLexicon([AppContext.BaseDirectory])
        ?? throw new FileNotFoundException("node_modules/vader-sentiment/vader_lexicon.txt not found above the test assembly; run 'npm ci' at the repository root.");
}
