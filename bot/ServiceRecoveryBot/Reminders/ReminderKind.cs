namespace ServiceRecoveryBot.Reminders;

/// <summary>What a reminder does when it falls due. Names are stored; never rename one.</summary>
public enum ReminderKind
{
    /// <summary>Follow up with the customer: to the staff member and the managers' channel.</summary>
    FollowUp,
    /// <summary>A promise made to the customer is due.</summary>
    PromiseDue,
    /// <summary>A follow-up or promise is overdue: escalate to the managers' channel.</summary>
    Escalation,
    /// <summary>An approval request has waited too long: escalate.</summary>
    ApprovalEscalation,
    /// <summary>The team's shift digest.</summary>
    Digest,
    /// <summary>The team's weekly recovery report with its chart (see Insights).</summary>
    WeeklyReport,
}
