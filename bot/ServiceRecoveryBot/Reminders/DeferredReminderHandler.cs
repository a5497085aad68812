using Microsoft.Extensions.DependencyInjection;

namespace ServiceRecoveryBot.Reminders;

/// <summary>
/// Resolves the real <see cref="IReminderHandler"/> on first use. The handler schedules follow-on reminders through the
/// scheduler, and the scheduler calls the handler; resolving one lazily breaks that construction cycle.
/// </summary>
internal sealed class DeferredReminderHandler(IServiceProvider services) : IReminderHandler
{
    private IReminderHandler? handler;

    public Task<ReminderOutcome> HandleAsync(Reminder reminder, int attempt, CancellationToken ct) =>
        (handler ??= services.GetRequiredService<IReminderHandler>()).HandleAsync(reminder, attempt, ct);
}
