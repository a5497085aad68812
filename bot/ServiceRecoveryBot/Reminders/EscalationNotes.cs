namespace ServiceRecoveryBot.Reminders;

/// <summary>What an escalation reminder is about (stored in <see cref="Reminder.Note"/>).</summary>
public static class EscalationNotes
{
    public const string FollowUp = "followup";
    public const string Promise = "promise";
}
