namespace ServiceRecoveryBot.Reminders;

/// <summary>What one scheduler tick did.</summary>
/// <param name="EntitiesRead">Reminder entities read by the scan (the cursor's point read is not counted).</param>
/// <param name="PartitionsQueried">Hour buckets queried (one range query each).</param>
/// <param name="Claimed">Reminders this instance claimed.</param>
/// <param name="ClaimsLost">Claimable reminders another instance claimed (or removed) first.</param>
/// <param name="Handled">Claimed reminders whose handler finished (any outcome).</param>
/// <param name="Duration">Wall time of the tick, from the scheduler's <see cref="TimeProvider"/>.</param>
public sealed record ReminderTickStats(int EntitiesRead, int PartitionsQueried, int Claimed, int ClaimsLost, int Handled, TimeSpan Duration);
