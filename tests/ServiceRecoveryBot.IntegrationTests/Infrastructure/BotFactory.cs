using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace ServiceRecoveryBot.IntegrationTests.Infrastructure;

/// <summary>The real bot host, with storage on Azurite under its own table prefix, any further settings and, when given, every log entry at Trace.</summary>
public sealed class BotFactory(AzuriteFixture azurite, string tablePrefix, IReadOnlyDictionary<string, string?>? settings = null, ILoggerProvider? logs = null)
    : WebApplicationFactory<Program>
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
        if (logs is null) return;
        foreach (var category in new[] { "Default", "Microsoft.AspNetCore", "System.Net.Http.HttpClient", "Azure.Core", "Polly" })
            builder.UseSetting($"Logging:LogLevel:{category}", nameof(LogLevel.Trace));
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
    }
}
