namespace ServiceRecoveryBot;

internal static class HostExtensions
{
    /// <summary>Starts hosted services (table creation) without listening on HTTP, for command-line modes.</summary>
    public static async Task StartHostedServicesOnlyAsync(this WebApplication app)
    {
        foreach (var service in app.Services.GetServices<IHostedService>())
            await service.StartAsync(app.Lifetime.ApplicationStopping);
    }
}
