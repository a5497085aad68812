namespace ServiceRecoveryBot.Sentiment;

/// <summary>Reads the tone of a customer's own words.</summary>
public interface ISentimentAnalyzer
{
    Task<ToneAssessment> AnalyzeAsync(string text, string? language, CancellationToken ct);
}
