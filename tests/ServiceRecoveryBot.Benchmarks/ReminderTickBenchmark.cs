using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServiceRecoveryBot.Reminders;
using ServiceRecoveryBot.Storage;

namespace ServiceRecoveryBot.Benchmarks;

/// <summary>
/// Issue 6: one scheduler tick reads storage in proportion to the due reminders, not to the scheduled ones. Schedules
/// <c>--future</c> reminders (default 100,000; 100 per hour bucket from 30 days ahead, in batches) and <c>--due</c>
/// reminders (default 100, due over the last minutes), runs one tick with a no-op handler and prints the entities it
/// read and its duration, then a second tick (steady state). Uses <c>--connection</c> (an Azurite or storage account
/// connection string) or starts Azurite from the repository's node_modules (in memory, loopback, free port).
/// </summary>
public static class ReminderTickBenchmark
{
    private const string AzuriteKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static async Task<int> RunAsync(string[] args)
    {
        var future = int.Parse(Arg(args, "--future") ?? "100000", CultureInfo.InvariantCulture);
        var due = int.Parse(Arg(args, "--due") ?? "100", CultureInfo.InvariantCulture);
        var connection = Arg(args, "--connection");
        using var azurite = connection is null ? await StartAzuriteAsync() : null;
        connection ??= ConnectionString(azurite!.Port);

        var clock = TimeProvider.System;
        var prefix = "b" + Guid.NewGuid().ToString("N")[..11];
        var service = new TableServiceClient(connection);
        var names = new TableNames(Options.Create(new StorageOptions { TablePrefix = prefix }));
        await service.GetTableClient(names.Reminders).CreateIfNotExistsAsync();
        using var scheduler = new ReminderScheduler(
            new TableReminderStore(service, names),
            new NoOpHandler(),
            Options.Create(new ReminderOptions { InstanceId = "benchmark", MaxConcurrency = 8 }),
            clock,
            NullLogger<ReminderScheduler>.Instance);

        var now = clock.GetUtcNow();
        var firstFutureHour = now.AddDays(30);
        var load = Stopwatch.StartNew();
        var buckets = Enumerable.Range(0, future)
            .Select(i => new Reminder($"future-{i}", ReminderKind.FollowUp, $"team-{i % 50}", $"case-{i}", firstFutureHour.AddHours(i / 100).AddSeconds(i % 100), $"staff-{i % 400}", "Call the guest back about the refund."))
            .Chunk(TableLimits.MaxBatchActions);
        await Parallel.ForEachAsync(buckets, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (batch, ct) => await scheduler.ScheduleManyAsync(batch, ct));
        var dueReminders = Enumerable.Range(0, due)
            .Select(i => new Reminder($"due-{i}", ReminderKind.FollowUp, $"team-{i % 50}", $"due-case-{i}", now.AddSeconds(-(i % 240)).AddMilliseconds(-i), $"staff-{i % 400}"))
            .ToList();
        await scheduler.ScheduleManyAsync(dueReminders, default);
        load.Stop();
        Console.WriteLine($"scheduled {future:N0} future reminders (cases from {firstFutureHour:yyyy-MM-dd}, {(future + 99) / 100:N0} hour buckets) and {due:N0} due ones in {load.Elapsed.TotalSeconds:F1} s");

        for (var tick = 1; tick <= 2; tick++)
        {
            var handled = await scheduler.TickAsync(default);
            var stats = scheduler.LastTick!;
            Console.WriteLine($"tick {tick}: entities read {stats.EntitiesRead:N0}, partitions queried {stats.PartitionsQueried}, claimed {stats.Claimed}, handled {handled}, duration {stats.Duration.TotalMilliseconds:F0} ms");
        }
        Console.WriteLine($"(a table scan would read {future + due:N0} entities per tick)");
        return 0;
    }

    private static string? Arg(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private static string ConnectionString(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteKey};TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";

    private static async Task<AzuriteProcess> StartAzuriteAsync()
    {
        var main = Path.Combine(RepoRoot(), "node_modules", "azurite", "dist", "src", "table", "main.js");
        if (!File.Exists(main)) throw new InvalidOperationException($"Azurite is not installed at {main}: run `npm ci` at the repository root, or pass --connection.");
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
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
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited) throw new InvalidOperationException($"Azurite exited with code {process.ExitCode}.");
            try
            {
                await http.GetAsync(new Uri($"http://127.0.0.1:{port}/devstoreaccount1/Tables"));
                return azurite;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                await Task.Delay(100);
            }
        }
        azurite.Dispose();
        throw new TimeoutException("Azurite did not answer within 90 s.");
    }

    private static string RepoRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ServiceRecoveryBot.sln"))) return dir.FullName;
            }
        }
        throw new InvalidOperationException("Could not find the repository root; pass --connection.");
    }

    private sealed class NoOpHandler : IReminderHandler
    {
        public Task<ReminderOutcome> HandleAsync(Reminder reminder, int attempt, CancellationToken ct) => Task.FromResult(ReminderOutcome.Delivered);
    }

    /// <summary>Azurite started by this run; killed (by its own PID) when disposed.</summary>
    private sealed class AzuriteProcess(Process process, int port) : IDisposable
    {
        public int Port => port;

        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
            process.Dispose();
        }
    }
}
