namespace ServiceRecoveryBot.Reminders;

/// <summary>
/// A reminder as stored, with its delivery state. <see cref="Version"/> is the storage's opaque version (the ETag):
/// every write made from this copy is conditional on it, so a stale copy loses.
/// </summary>
public sealed record StoredReminder(
    Reminder Reminder,
    ReminderStatus Status,
    int Attempts,
    string Version,
    string? ClaimedBy = null,
    DateTimeOffset? ClaimUntil = null,
    DateTimeOffset? NotBefore = null)
{
    /// <summary>
    /// True when an instance may claim it at <paramref name="now"/>: pending, due and past any retry back-off; or
    /// claimed by an instance whose lease has run out (it crashed, hung or was stopped between claim and completion).
    /// </summary>
    public bool IsClaimableAt(DateTimeOffset now) => Status switch
    {
        ReminderStatus.Pending => Reminder.DueAt <= now && (NotBefore is not { } notBefore || notBefore <= now),
        _ => ClaimUntil is not { } until || until < now,
    };
}
