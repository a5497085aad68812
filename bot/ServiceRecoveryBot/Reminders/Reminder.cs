namespace ServiceRecoveryBot.Reminders;

/// <summary>
/// Something to do at a due time. <see cref="Id"/> is unique and stable: scheduling the same id twice keeps one
/// reminder. <see cref="CaseId"/> is null for team-wide reminders such as the digest.
/// </summary>
public sealed record Reminder(
    string Id,
    ReminderKind Kind,
    string TeamKey,
    string? CaseId,
    DateTimeOffset DueAt,
    string? StaffId = null,
    string? Note = null);
