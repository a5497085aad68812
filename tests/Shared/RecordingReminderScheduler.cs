using System.Collections.Concurrent;
using ServiceRecoveryBot.Reminders;

namespace ServiceRecoveryBot.Testing;

/// <summary>Keeps scheduled reminders in memory so a test can look at them and hand them to the handler.</summary>
public sealed class RecordingReminderScheduler : IReminderScheduler
{
    private readonly ConcurrentDictionary<string, Reminder> reminders = new();

    public IReadOnlyList<Reminder> Scheduled => reminders.Values.OrderBy(r => r.DueAt).ToList();

    public Task ScheduleAsync(Reminder reminder, CancellationToken ct)
    {
        reminders.TryAdd(reminder.Id, reminder);
        return Task.CompletedTask;
    }

    public Task CancelAsync(string reminderId, DateTimeOffset dueAt, CancellationToken ct)
    {
        reminders.TryRemove(reminderId, out _);
        return Task.CompletedTask;
    }
}
