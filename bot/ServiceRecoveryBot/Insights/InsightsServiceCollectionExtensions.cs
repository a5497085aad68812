using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Reminders;

namespace ServiceRecoveryBot.Insights;

public static class InsightsServiceCollectionExtensions
{
    /// <summary>
    /// Reports, charts and exports (options from section "Insights"), and the case store wrapped so that every save
    /// keeps the figures, and the reminder handler wrapped to send the weekly report: call after both are registered. The stores (<see cref="IAggregateStore"/>,
    /// <see cref="ICaseArchive"/>) come from storage.
    /// </summary>
    public static IServiceCollection AddInsights(this IServiceCollection services)
    {
        services.AddOptions<InsightsOptions>().BindConfiguration(InsightsOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.ReconcileEvery > TimeSpan.Zero && o.ApologiseTarget > TimeSpan.Zero, "Insights:ReconcileEvery and Insights:ApologiseTarget must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AggregateWriter>();
        services.AddSingleton<AggregateReconciler>();
        services.AddSingleton<TeamReports>();
        services.AddSingleton<ReportCommands>();
        services.AddSingleton<AggregateReconcileWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<AggregateReconcileWorker>());
        var store = Last<ICaseStore>(services);
        services.AddSingleton<ICaseStore>(provider => new AggregatingCaseStore(Resolve<ICaseStore>(provider, store), provider.GetRequiredService<AggregateWriter>()));
        var handler = Last<IReminderHandler>(services);
        services.AddSingleton<IReminderHandler>(provider => ActivatorUtilities.CreateInstance<WeeklyReportHandler>(provider, Resolve<IReminderHandler>(provider, handler)));
        return services;
    }

    /// <summary>Takes out the registration of <typeparamref name="T"/> in force, to wrap it.</summary>
    private static ServiceDescriptor Last<T>(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(T))
            ?? throw new InvalidOperationException($"AddInsights wraps {typeof(T).Name}: register it first (AddTableStorage, AddRecoveryConversations).");
        services.Remove(registered);
        return registered;
    }

    private static T Resolve<T>(IServiceProvider provider, ServiceDescriptor descriptor) => (T)(
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(provider)
        ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));
}
