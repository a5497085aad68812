using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServiceRecoveryBot.Reminders;
using ServiceRecoveryBot.Storage;
using ServiceRecoveryBot.Testing;

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
    public static async Task<int> RunAsync(string[] args)
    {
        var future = int.Parse(Arg(args, "--future") ?? "100000", CultureInfo.InvariantCulture);
        var due = int.Parse(Arg(args, "--due") ?? "100", CultureInfo.InvariantCulture);
        var connection = Arg(args, "--connection");
        using var azurite = connection is null ? await AzuriteProcess.StartAsync() : null;
        connection ??= azurite!.ConnectionString;

        var clock = TimeProvider.System;
        var prefix = "b" + Guid.NewGuid().ToString("N")[..11];
        var service = new TableServiceClient(connection);
        var names = new TableNames(Options.Create(new StorageOptions { TablePrefix = prefix }));
        await service.GetTableClient(names.Reminders).CreateIfNotExistsAsync();
        using var scheduler = new ReminderScheduler(
            new TableReminderStore(service, names, new TableGroupCommit()),
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

    private sealed class NoOpHandler : IReminderHandler
    {
        public Task<ReminderOutcome> HandleAsync(Reminder reminder, int attempt, CancellationToken ct) => Task.FromResult(ReminderOutcome.Delivered);
    }
}
