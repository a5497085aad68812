using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ServiceRecoveryBot.Testing;

/// <summary>
/// Azurite's Table service from the repository's node_modules, in memory on a free loopback port, telemetry off; killed
/// (by its own PID) when disposed. Shared by the integration tests' fixture and the benchmarks.
/// </summary>
public sealed class AzuriteProcess : IDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90); // a cold first start on a loaded 2-core machine can take tens of seconds

    private readonly Process process;

    private AzuriteProcess(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => ConnectionStringFor(Port);

    public static string ConnectionStringFor(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";

    /// <summary>Starts Azurite and returns once it answers HTTP.</summary>
    public static async Task<AzuriteProcess> StartAsync()
    {
        var main = Path.Combine(RepoRoot(), "node_modules", "azurite", "dist", "src", "table", "main.js");
        if (!File.Exists(main)) throw new InvalidOperationException($"Azurite is not installed at {main}: run `npm ci` at the repository root (scripts/test.sh does).");
        var port = FreePort();
        var process = Process.Start(new ProcessStartInfo("node", [main, "--tableHost", "127.0.0.1", "--tablePort", port.ToString(CultureInfo.InvariantCulture), "--inMemoryPersistence", "--silent", "--disableTelemetry"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("Could not start node.");
        var azurite = new AzuriteProcess(process, port);
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                azurite.Dispose();
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode}.");
            }
            try
            {
                using var _ = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/devstoreaccount1/Tables"));
                return azurite; // any answer (403 without auth) means it is up
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                await Task.Delay(100);
            }
        }
        azurite.Dispose();
        throw new TimeoutException($"Azurite did not answer within {StartTimeout.TotalSeconds:F0} s.");
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        process.Dispose();
    }

    /// <summary>The folder holding ServiceRecoveryBot.sln, found upwards from the working directory or the binaries.</summary>
    public static string RepoRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ServiceRecoveryBot.sln"))) return dir.FullName;
            }
        }
        throw new InvalidOperationException("Could not find the repository root.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
