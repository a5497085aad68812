namespace ServiceRecoveryBot.Recovery.Cases;

public enum ApprovalState
{
    NotNeeded,
    Pending,
    Approved,
    Declined,
}

/// <summary>What was offered to make up for the failure, at which ladder level, and whether a manager must approve it.</summary>
public sealed record Atonement(string Offer, int Level, decimal? Amount, ApprovalState Approval)
{
    /// <summary>The manager's decision, once there is one: it is made once and never undone.</summary>
    public ApprovalDecision? Decision { get; init; }
}

/// <summary>A manager's decision on an atonement: approved or declined, by whom (id and name as shown), when, and at what amount.</summary>
public sealed record ApprovalDecision(bool Approved, string ById, string ByName, DateTimeOffset At, decimal? Amount);
