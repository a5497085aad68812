using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;

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

    /// <summary>
    /// For command-line modes (<c>chat</c>, <c>tone</c>): the web host gets a server that listens nowhere, so the console
    /// chat runs beside a web bot on the same port instead of failing to bind it.
    /// </summary>
    public static WebApplicationBuilder ListenNowhere(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IServer, NoListeningServer>();
        return builder;
    }

    /// <summary>Starts hosted services (table creation) without listening on HTTP, for command-line modes.</summary>
    public static async Task StartHostedServicesOnlyAsync(this WebApplication app)
    {
        foreach (var service in app.Services.GetServices<IHostedService>())
            await service.StartAsync(app.Lifetime.ApplicationStopping);
    }

    /// <summary>A server that takes no requests: the host starts and stops as usual with nothing bound.</summary>
    private sealed class NoListeningServer : IServer
    {
        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
