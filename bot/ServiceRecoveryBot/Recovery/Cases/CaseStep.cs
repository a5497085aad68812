namespace ServiceRecoveryBot.Recovery.Cases;

/// <summary>The moves of a recovery, in order, as recorded in a case's timeline.</summary>
public enum CaseStep
{
    Opened,
    Categorised,
    CustomerCaptured,
    SeveritySet,
    Apologised,
    Listened,
    Fixed,
    AtonementOffered,
    ApprovalRequested,
    PromiseMade,
    FollowUpScheduled,
    Paused,
    Resumed,
    Closed,
    ApprovalDecided,
    ReminderSent,
    Escalated,
    FollowUpRecorded,
    Reassigned,
    Snoozed,
    PromiseKept,
    Discarded,
}
