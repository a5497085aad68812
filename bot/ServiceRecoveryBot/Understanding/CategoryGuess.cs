using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Understanding;

/// <summary>A failure category and how sure the reading is, from 0 to 1.</summary>
public sealed record CategoryGuess(FailureCategory Category, double Confidence);
