namespace ServiceRecoveryBot.Recovery.Cases;

public enum CaseStatus
{
    /// <summary>The recovery is being worked through with the bot.</summary>
    InProgress,
    /// <summary>Staff paused the recovery; it can be resumed.</summary>
    Paused,
    /// <summary>Recovery done; a follow-up is scheduled.</summary>
    AwaitingFollowUp,
    Closed,

    /// <summary>Opened by mistake and discarded: kept with its timeline, never listed or counted.</summary>
    Discarded,
}
