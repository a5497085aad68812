using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using ServiceRecoveryBot.IntegrationTests.Infrastructure;

namespace ServiceRecoveryBot.BrowserTests;

/// <summary>
/// The Microsoft 365 Agents Playground (npm, pinned in playground/package-lock.json) on a free loopback port, as the
/// channel <c>msteams</c> against a bot's /api/messages: telemetry off, no browser opened, its log and config in a
/// folder of its own; killed with its process tree when disposed.
/// </summary>
public sealed partial class PlaygroundProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly string folder;

    private PlaygroundProcess(Process process, string folder, Uri address)
    {
        this.process = process;
        this.folder = folder;
        Address = address;
    }

    /// <summary>The Playground's web page, such as <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; }

    public static string PackageFolder => Path.Combine(AzuriteFixture.RepoRoot(), "tests", "ServiceRecoveryBot.BrowserTests", "playground");

    public static string Cli => Path.Combine(PackageFolder, "node_modules", "@microsoft", "m365agentsplayground", "cli.js");

    public static async Task<PlaygroundProcess> StartAsync(Uri bot, CancellationToken ct)
    {
        if (!File.Exists(Cli)) throw new InvalidOperationException($"The Agents Playground is not installed at {Cli}: run `npm ci` in {PackageFolder} (scripts/test.sh does).");
        var folder = Directory.CreateTempSubdirectory("srb-playground-").FullName;
        var start = new ProcessStartInfo("node",
        [
            "--require", Path.Combine(PackageFolder, "loopback.cjs"), Cli,
            "--app-endpoint", new Uri(bot, "/api/messages").AbsoluteUri,
            "--channel-id", "msteams",
            "--port", FreePort().ToString(CultureInfo.InvariantCulture),
            "--disable-telemetry",
        ])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        start.Environment["M365_AGENTS_PLAYGROUND_LOGFILE"] = Path.Combine(folder, "playground.log");
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        _ = process.StandardError.ReadToEndAsync(ct);

        // "Listening on <port>": the port it took (another one when the one asked for was taken meanwhile).
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(StartTimeout);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (ListeningLine().Match(line) is { Success: true } listening)
                {
                    _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                    return new PlaygroundProcess(process, folder, new Uri($"http://127.0.0.1:{listening.Groups["port"].Value}/"));
                }
            }
            throw new InvalidOperationException($"The Agents Playground exited with code {(process.HasExited ? process.ExitCode : -1)} before it listened.");
        }
        catch
        {
            Stop(process, folder);
            throw;
        }
    }

    public void Dispose() => Stop(process, folder);

    private static void Stop(Process process, string folder)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        process.Dispose();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"^Listening on (?<port>\d+)")]
    private static partial Regex ListeningLine();
}
