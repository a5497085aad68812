namespace ServiceRecoveryBot;

internal static class HostExtensions
{
    /// <summary>
    /// Where the bot reads appsettings.json from: the working directory when it holds one (as App Service starts it) or
    /// a content root given, else the bot's own folder. Started from elsewhere (a script at the repository root, a
    /// service manager), it would otherwise run without its settings and log every request at Information.
    /// </summary>
    public static string? ContentRoot(string[] args) =>
        File.Exists("appsettings.json") || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is not null
        || args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            ? null
            : AppContext.BaseDirectory;

    /// <summary>Starts hosted services (table creation) without listening on HTTP, for command-line modes.</summary>
    public static async Task StartHostedServicesOnlyAsync(this WebApplication app)
    {
        foreach (var service in app.Services.GetServices<IHostedService>())
            await service.StartAsync(app.Lifetime.ApplicationStopping);
    }
}
