namespace ServiceRecoveryBot.Recovery.Compensation;

/// <summary>A suggested gesture: the ladder level, what to offer, and why that size.</summary>
public sealed record AtonementSuggestion(int Level, string LevelName, IReadOnlyList<string> Gestures, string Why);
