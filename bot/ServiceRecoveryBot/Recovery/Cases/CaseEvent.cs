namespace ServiceRecoveryBot.Recovery.Cases;

/// <summary>One timestamped entry in a case's timeline.</summary>
public sealed record CaseEvent(int Sequence, CaseStep Step, DateTimeOffset At, string By, string? Note = null);
