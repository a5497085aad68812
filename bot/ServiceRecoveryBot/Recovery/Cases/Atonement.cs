namespace ServiceRecoveryBot.Recovery.Cases;

public enum ApprovalState
{
    NotNeeded,
    Pending,
    Approved,
    Declined,
}

/// <summary>What was offered to make up for the failure, at which ladder level, and whether a manager must approve it.</summary>
public sealed record Atonement(string Offer, int Level, decimal? Amount, ApprovalState Approval);
