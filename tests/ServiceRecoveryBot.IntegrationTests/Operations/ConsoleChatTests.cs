using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using ServiceRecoveryBot.IntegrationTests.Infrastructure;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Testing;

namespace ServiceRecoveryBot.IntegrationTests.Operations;

/// <summary>
/// The console chat (<c>scripts/run-bot.sh chat</c>) as its own process beside a web bot: no port of its own, the same
/// Azurite as the web bot, plain text that says "type"; and the script's check for an Azurite already on the data folder.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ConsoleChatTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task The_console_chat_runs_while_a_web_bot_holds_its_port_and_its_case_is_in_the_shared_storage()
    {
        using var webBot = new TcpListener(IPAddress.Loopback, 0);   // the web bot, listening where the chat would
        webBot.Start();
        var prefix = AzuriteFixture.NewTablePrefix();
        var bot = typeof(ConsoleChatTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Bot").Value!;

        var run = await ProcessRun.RunAsync("dotnet", [bot, "chat"], Bound, AzuriteFixture.RepoRoot(), new Dictionary<string, string>
        {
            ["ConnectionStrings__Tables"] = azurite.ConnectionString,
            ["Storage__TablePrefix"] = prefix,
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{((IPEndPoint)webBot.LocalEndpoint).Port}",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
        }, input: "Guest at table 12 is furious: steak overcooked twice\nzzzz qqq\nexit\n");
        var output = run.StandardOutput;

        Assert.True(run.ExitCode == 0, output + run.StandardError);
        Assert.DoesNotContain("Exception", output + run.StandardError, StringComparison.Ordinal);
        Assert.Contains("Case SR-", output, StringComparison.Ordinal);
        Assert.DoesNotContain("**", output, StringComparison.Ordinal);
        Assert.DoesNotContain("tap", output, StringComparison.OrdinalIgnoreCase);

        await using var factory = new BotFactory(azurite, prefix);
        var stored = Assert.Single(await factory.Services.GetRequiredService<ICaseStore>().ListAsync("local", 10, CancellationToken.None));
        Assert.Contains(stored.Id.Value, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_script_finds_the_Azurite_already_serving_its_data_folder_and_none_for_another()
    {
        var root = AzuriteFixture.RepoRoot();
        var data = Directory.CreateTempSubdirectory("edges-azurite-").FullName;
        var other = Directory.CreateTempSubdirectory("edges-azurite-other-").FullName;
        var port = FreePort();
        var start = new ProcessStartInfo("node") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(root, "node_modules/azurite/dist/src/table/main.js"), "--tableHost", "127.0.0.1", "--tablePort", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--silent", "--disableTelemetry", "--location", data })
            start.ArgumentList.Add(argument);
        using var running = Process.Start(start)!;
        try
        {
            await WaitForPortAsync(port, running);

            var found = await RunningAzuriteAsync(root, data);
            Assert.Equal((0, port.ToString(System.Globalization.CultureInfo.InvariantCulture)), (found.ExitCode, found.StandardOutput.Trim()));
            var none = await RunningAzuriteAsync(root, other);
            Assert.Equal((1, ""), (none.ExitCode, none.StandardOutput.Trim()));
        }
        finally
        {
            running.Kill(entireProcessTree: true);
            await running.WaitForExitAsync();
            Directory.Delete(data, recursive: true);
            Directory.Delete(other, recursive: true);
        }
    }

    private static Task<ProcessRun> RunningAzuriteAsync(string root, string location) =>
        ProcessRun.RunAsync("bash", ["-c", "source scripts/azurite.sh && running_azurite \"$1\"", "bash", location], TimeSpan.FromSeconds(60), root);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Until Azurite answers on its port (bounded: it starts in well under a minute, or has exited).</summary>
    private static async Task WaitForPortAsync(int port, Process process)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            Assert.False(process.HasExited, "Azurite exited during start-up.");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, limit.Token);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), limit.Token);
            }
        }
    }
}
