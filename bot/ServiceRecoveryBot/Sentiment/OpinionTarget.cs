namespace ServiceRecoveryBot.Sentiment;

/// <summary>What an opinion is about (Azure AI Language opinion mining): the target, its sentiment and the opinion words.</summary>
public sealed record OpinionTarget(string Text, ToneLabel Sentiment, IReadOnlyList<string> Assessments);
