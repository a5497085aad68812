namespace ServiceRecoveryBot.Sentiment;

/// <summary>Which analyzer answers <see cref="ISentimentAnalyzer"/>.</summary>
public enum SentimentAnalyzerKind
{
    /// <summary>The embedded VADER analyzer (offline, the default).</summary>
    Local,

    /// <summary>Azure AI Language, with the local analyzer as fallback.</summary>
    Azure,
}
