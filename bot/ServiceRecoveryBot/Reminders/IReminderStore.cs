namespace ServiceRecoveryBot.Reminders;

/// <summary>
/// Persistence for <see cref="ReminderScheduler"/>. Every change to a read reminder is conditional on its
/// <see cref="StoredReminder.Version"/>; the Try methods return false (or null) when another writer got there first
/// or the reminder is gone.
/// </summary>
public interface IReminderStore
{
    /// <summary>Stores a pending reminder; false when one with the same id and due time is already stored.</summary>
    /// <param name="now">The caller's clock, to keep the scan cursor behind reminders due soon or in the past.</param>
    Task<bool> AddAsync(Reminder reminder, DateTimeOffset now, CancellationToken ct);

    /// <summary>Stores many pending reminders in batches of one partition each (ids already stored are kept).</summary>
    Task AddManyAsync(IReadOnlyCollection<Reminder> reminders, DateTimeOffset now, CancellationToken ct);

    /// <summary>Deletes a reminder whatever its state; false when there was none.</summary>
    Task<bool> RemoveAsync(string reminderId, DateTimeOffset dueAt, CancellationToken ct);

    /// <summary>Reads the reminders due up to <paramref name="now"/>, reading only hour buckets that may hold some.</summary>
    Task<ReminderScan> ScanDueAsync(DateTimeOffset now, CancellationToken ct);

    /// <summary>Claims a reminder for <paramref name="instanceId"/> until <paramref name="claimUntil"/> (attempts + 1); null when it lost.</summary>
    Task<StoredReminder?> TryClaimAsync(StoredReminder reminder, string instanceId, DateTimeOffset claimUntil, CancellationToken ct);

    /// <summary>Deletes a claimed reminder; false when the claim was lost (re-claimed by another instance) or it is gone.</summary>
    Task<bool> TryCompleteAsync(StoredReminder claimed, CancellationToken ct);

    /// <summary>Puts a claimed reminder back to pending, not to be claimed before <paramref name="notBefore"/>; false when the claim was lost.</summary>
    Task<bool> TryReleaseAsync(StoredReminder claimed, DateTimeOffset notBefore, CancellationToken ct);
}
