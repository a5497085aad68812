namespace ServiceRecoveryBot.Sentiment;

/// <summary>
/// The scores VADER gives one text: <see cref="Compound"/> is the normalised sum in [-1, 1] (not rounded);
/// the proportions are unrounded too. The reference rounds compound to 4 and proportions to 3 decimals.
/// </summary>
public readonly record struct VaderScores(double Compound, double Positive, double Neutral, double Negative);
