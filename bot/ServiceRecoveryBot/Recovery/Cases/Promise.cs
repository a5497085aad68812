namespace ServiceRecoveryBot.Recovery.Cases;

/// <summary>A commitment made to the customer during the recovery, and when it is due.</summary>
public sealed record Promise(string What, DateTimeOffset? DueAt);
