namespace ServiceRecoveryBot.Sentiment;

/// <summary>One text to score in a batch; <paramref name="Id"/> is the caller's and comes back on the result.</summary>
public sealed record ToneDocument(string Id, string Text, string? Language = null);
