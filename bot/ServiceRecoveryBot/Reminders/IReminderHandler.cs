namespace ServiceRecoveryBot.Reminders;

/// <summary>Does what a due reminder asks (sends the cards). Called by the scheduler after it has claimed the reminder.</summary>
public interface IReminderHandler
{
    /// <param name="attempt">1 for the first delivery attempt; higher when an earlier claim expired without completing.</param>
    Task<ReminderOutcome> HandleAsync(Reminder reminder, int attempt, CancellationToken ct);
}

public enum ReminderOutcome
{
    /// <summary>Done: remove the reminder.</summary>
    Delivered,
    /// <summary>Nothing to do any more (case closed, follow-up recorded): remove the reminder.</summary>
    Obsolete,
    /// <summary>Try again later (throttled, transient failure).</summary>
    RetryLater,
}
