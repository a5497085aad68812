using System.Diagnostics;
using System.Reflection;
using System.Text;
using ServiceRecoveryBot.IntegrationTests.Infrastructure;

namespace ServiceRecoveryBot.IntegrationTests.Operations;

/// <summary>
/// The bot as a process started from a folder without its appsettings.json (a script at the repository root, a service
/// manager): it still reads its own settings, so requests are not logged one by one at Information (issue 28).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ContentRootTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_bot_started_from_another_folder_reads_its_own_settings()
    {
        var bot = typeof(ContentRootTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BotAssembly").Value!;
        Assert.True(File.Exists(bot), $"The bot is not built at {bot}.");
        var elsewhere = Directory.CreateTempSubdirectory("srb-cwd-");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = elsewhere.FullName, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { bot, "--urls", "http://127.0.0.1:0" }) start.ArgumentList.Add(argument);
        start.Environment["ConnectionStrings__Tables"] = azurite.ConnectionString;
        start.Environment["Storage__TablePrefix"] = AzuriteFixture.NewTablePrefix();
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        try
        {
            string? url = null;
            while (url is null && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                output.AppendLine(line);
                if (line.Contains("Now listening on: ", StringComparison.Ordinal)) url = line[(line.IndexOf("http", StringComparison.Ordinal))..].Trim();
            }
            Assert.True(url is not null, output.ToString());

            using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
            for (var i = 0; i < 3; i++) (await http.GetAsync("/healthz", timeout.Token)).Dispose();
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            elsewhere.Delete(recursive: true);
        }
        output.Append(await process.StandardOutput.ReadToEndAsync(CancellationToken.None));

        // appsettings.json keeps Microsoft.AspNetCore at Warning; without it every request is logged at Information.
        Assert.DoesNotContain("Microsoft.AspNetCore.Hosting.Diagnostics", output.ToString());
        Assert.Contains("Now listening on", output.ToString());
    }
}
