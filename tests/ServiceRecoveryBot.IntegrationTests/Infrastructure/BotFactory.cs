using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ServiceRecoveryBot.IntegrationTests.Infrastructure;

/// <summary>The real bot host, with storage on Azurite under its own table prefix.</summary>
public sealed class BotFactory(AzuriteFixture azurite, string tablePrefix) : WebApplicationFactory<Program>
{
    public string TablePrefix => tablePrefix;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Tables", azurite.ConnectionString);
        builder.UseSetting("Storage:TablePrefix", tablePrefix);
    }
}
