namespace ServiceRecoveryBot.Reminders;

/// <summary>Schedules and cancels reminders (persisted; survives restarts; fires once across instances).</summary>
public interface IReminderScheduler
{
    Task ScheduleAsync(Reminder reminder, CancellationToken ct);

    /// <summary>Cancels a reminder that has not fired yet; a no-op when it is unknown or already done.</summary>
    Task CancelAsync(string reminderId, DateTimeOffset dueAt, CancellationToken ct);
}
