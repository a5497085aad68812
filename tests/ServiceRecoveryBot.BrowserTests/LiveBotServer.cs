using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using ServiceRecoveryBot.IntegrationTests.Infrastructure;

namespace ServiceRecoveryBot.BrowserTests;

/// <summary>
/// The real bot host on a real Kestrel socket (a browser cannot reach TestServer): Development, loopback, a free port,
/// storage on Azurite under its own table prefix.
/// </summary>
public class LiveBotServer : WebApplicationFactory<Program>
{
    private readonly AzuriteFixture azurite;
    private readonly string tablePrefix = AzuriteFixture.NewTablePrefix();
    private readonly IReadOnlyDictionary<string, string?> settings;

    /// <param name="settings">Settings on top of the defaults (managers, for example).</param>
    public LiveBotServer(AzuriteFixture azurite, IReadOnlyDictionary<string, string?>? settings = null)
    {
        this.azurite = azurite;
        this.settings = settings ?? new Dictionary<string, string?>();
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>Starts the server and returns its base address, such as <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        return new Uri(addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("ConnectionStrings:Tables", azurite.ConnectionString);
        builder.UseSetting("Storage:TablePrefix", tablePrefix);
        builder.UseSetting("Understanding:Model", "None");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }
}
