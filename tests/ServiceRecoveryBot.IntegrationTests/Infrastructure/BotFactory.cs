using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ServiceRecoveryBot.IntegrationTests.Infrastructure;

/// <summary>The real bot host, with storage on Azurite under its own table prefix, and any further settings.</summary>
public sealed class BotFactory(AzuriteFixture azurite, string tablePrefix, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public string TablePrefix => tablePrefix;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Tables", azurite.ConnectionString);
        builder.UseSetting("Storage:TablePrefix", tablePrefix);
        builder.UseSetting("Understanding:Model", "None"); // lexical: every test host loading the 91 MB model would swamp the machine
        // The answer waits for the turn, so its replies are there when the response is, however slow the machine.
        builder.UseSetting("Messages:AckBudget", "00:01:00");
        // The transcripts here walk the coached walk question by question unless a test asks for the quick path.
        if (settings?.ContainsKey("Recovery:Walk") != true) builder.UseSetting("Recovery:Walk", "Coached");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
    }
}
