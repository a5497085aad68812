using System.Collections.Concurrent;
using ServiceRecoveryBot.Reminders;

namespace ServiceRecoveryBot.Testing;

/// <summary>Records every call (reminder, attempt, instance); answers with <see cref="Respond"/> (Delivered by default).</summary>
public sealed class RecordingReminderHandler(string instance = "") : IReminderHandler
{
    private readonly ConcurrentQueue<(Reminder Reminder, int Attempt, string Instance)> calls = new();

    public Func<Reminder, int, CancellationToken, Task<ReminderOutcome>> Respond { get; init; } =
        (_, _, _) => Task.FromResult(ReminderOutcome.Delivered);

    public IReadOnlyList<(Reminder Reminder, int Attempt, string Instance)> Calls => [.. calls];

    /// <summary>Shares one call log between several handlers (one per scheduler instance).</summary>
    public RecordingReminderHandler For(string otherInstance) => new(otherInstance, calls) { Respond = Respond };

    private RecordingReminderHandler(string instance, ConcurrentQueue<(Reminder, int, string)> shared) : this(instance) => calls = shared;

    public Task<ReminderOutcome> HandleAsync(Reminder reminder, int attempt, CancellationToken ct)
    {
        calls.Enqueue((reminder, attempt, instance));
        return Respond(reminder, attempt, ct);
    }
}
