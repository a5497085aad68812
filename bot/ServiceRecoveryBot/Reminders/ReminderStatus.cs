namespace ServiceRecoveryBot.Reminders;

/// <summary>Where a stored reminder is in its life. Names are stored; never rename one.</summary>
public enum ReminderStatus
{
    /// <summary>Waiting for its due time (and, after a retry, its <see cref="StoredReminder.NotBefore"/>).</summary>
    Pending,
    /// <summary>An instance holds it until <see cref="StoredReminder.ClaimUntil"/>; after that anyone may re-claim it.</summary>
    Claimed,
}
