namespace ServiceRecoveryBot.Sentiment;

/// <summary>Tone analysis settings, bound from the <c>Sentiment</c> section and validated at start-up.</summary>
public sealed class SentimentOptions
{
    public const string Section = "Sentiment";

    /// <summary><c>service</c> (default) or <c>vader</c>.</summary>
    public SentimentMode Mode { get; set; } = SentimentMode.Service;

    /// <summary><c>local</c> (default) or <c>azure</c>.</summary>
    public SentimentAnalyzerKind Analyzer { get; set; } = SentimentAnalyzerKind.Local;

    /// <summary>Path of vader_lexicon.txt; when empty, node_modules/vader-sentiment/vader_lexicon.txt is searched upwards from the app and current directories.</summary>
    public string? LexiconPath { get; set; }

    public SentimentAzureOptions Azure { get; set; } = new();
}
