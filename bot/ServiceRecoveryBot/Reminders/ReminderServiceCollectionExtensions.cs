using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServiceRecoveryBot.Storage;

namespace ServiceRecoveryBot.Reminders;

public static class ReminderServiceCollectionExtensions
{
    /// <summary>
    /// The reminder store (table Reminders, from <c>AddTableStorage</c>) and <see cref="ReminderScheduler"/>, one singleton
    /// serving as <see cref="IReminderScheduler"/> and as a hosted service; options from section "Reminders", checked at
    /// start. Register an <see cref="IReminderHandler"/> as well: the scheduler calls it for each due reminder.
    /// </summary>
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.MaxRetryDelay >= o.RetryDelay, "Reminders:MaxRetryDelay must be at least Reminders:RetryDelay.")
            .Validate(o => o.LeaseDuration > o.TickInterval, "Reminders:LeaseDuration must be longer than Reminders:TickInterval.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IReminderStore, TableReminderStore>();
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<ReminderScheduler>(provider, new DeferredReminderHandler(provider)));
        services.AddSingleton<IReminderScheduler>(provider => provider.GetRequiredService<ReminderScheduler>());
        services.AddHostedService(provider => provider.GetRequiredService<ReminderScheduler>());
        return services;
    }
}
