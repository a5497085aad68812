namespace ServiceRecoveryBot.Reminders;

/// <summary>
/// What one scan read: every stored reminder due up to the scan time (claimable or not), and how many partitions
/// (hour buckets) were queried to find them.
/// </summary>
public sealed record ReminderScan(IReadOnlyList<StoredReminder> Reminders, int PartitionsQueried);
