namespace ServiceRecoveryBot.Sentiment;

/// <summary>How the embedded analyzer scores text.</summary>
public enum SentimentMode
{
    /// <summary>Our own service-domain layer on top of VADER: complaint words, phrases and negation of service verbs.</summary>
    Service,

    /// <summary>Faithful to the reference VADER implementation (vaderSentiment.py).</summary>
    Vader,
}
