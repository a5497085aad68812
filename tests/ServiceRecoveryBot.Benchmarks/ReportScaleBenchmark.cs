using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using ServiceRecoveryBot.Insights;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Recovery.Playbooks;
using ServiceRecoveryBot.Storage;
using ServiceRecoveryBot.Testing;

namespace ServiceRecoveryBot.Benchmarks;

/// <summary>
/// Issue 27: the weekly report reads the same number of entities whatever the number of cases. For each size in
/// <c>--cases</c> (default 10,000, 100,000, 1,000,000 over 90 days in one team) writes the day rows the figures would
/// hold, straight into the Aggregates table (with one share row per case up to <c>--shares-up-to</c>, default 100,000,
/// so the partitions are as large as the live ones), then builds the report (8 weeks read) three times and prints the
/// entities read and the time to read, and to draw the chart.
/// </summary>
public static class ReportScaleBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = (Arg(args, "--cases") ?? "10000,100000,1000000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var sharesUpTo = int.Parse(Arg(args, "--shares-up-to") ?? "100000", CultureInfo.InvariantCulture);
        var connection = Arg(args, "--connection");
        using var azurite = connection is null ? await AzuriteProcess.StartAsync() : null;
        connection ??= azurite!.ConnectionString;
        var service = new TableServiceClient(connection);
        var playbook = RecoveryPlaybook.LoadDefault();
        var now = DateTimeOffset.UtcNow;
        var today = CaseShare.DayOf(now, TimeZoneInfo.Utc);
        var targets = new InsightsOptions();

        foreach (var size in sizes)
        {
            var names = new TableNames(Options.Create(new StorageOptions { TablePrefix = "b" + Guid.NewGuid().ToString("N")[..11] }));
            await service.GetTableClient(names.Aggregates).CreateIfNotExistsAsync();
            var table = service.GetTableClient(names.Aggregates);
            var load = Stopwatch.StartNew();
            var perDay = size / 90;
            await Parallel.ForEachAsync(Enumerable.Range(0, 90), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (d, ct) =>
            {
                var day = today.AddDays(-d);
                var partition = TableAggregateStore.PartitionKey("bench", day);
                var rows = new List<TableEntity> { Keyed(partition, "n|a", DayTally(perDay, d)) };
                rows.AddRange(Enum.GetValues<FailureCategory>().Select(c => Keyed(partition, "n|c|" + c, DayTally(perDay / 10, d))));
                if (size <= sharesUpTo)
                    rows.AddRange(Enumerable.Range(0, perDay).Select(i => Keyed(partition, $"k|B{d:D2}{i:D6}", DayTally(1, i))));
                foreach (var batch in rows.Chunk(TableLimits.MaxBatchActions))
                    await table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), ct);
            });
            Console.WriteLine($"{size:N0} cases: day rows written in {load.Elapsed.TotalSeconds:F1} s{(size <= sharesUpTo ? " (with a share row per case)" : " (day rows only)")}");

            var store = new TableAggregateStore(service, names);
            for (var run = 1; run <= 3; run++)
            {
                var watch = Stopwatch.StartNew();
                var read = await store.ReadAsync("bench", CaseShare.TeamWide, today.AddDays(1 - targets.ChartWeeks * 7), today, default);
                var report = TeamReport.Of(read.Days, 7, today, now, targets.ChartWeeks, targets.ApologiseTarget, targets.SatisfactionBaseline);
                var text = InsightsReplies.Report(report, playbook);
                var readMs = watch.Elapsed.TotalMilliseconds;
                var png = ReportChart.Render(report, playbook);
                Console.WriteLine($"  run {run}: entities read {read.EntitiesRead}, requests {read.Requests}, read+measures {readMs:F0} ms, chart {watch.Elapsed.TotalMilliseconds - readMs:F0} ms ({png.Length:N0} bytes), report opened {report.Opened:N0}, {text.Length} chars");
            }
        }
        return 0;
    }

    private static Tally DayTally(int cases, int seed)
    {
        var t = new Tally();
        t.Add("opened", cases);
        t.Add("status:Closed", cases * 6 / 10);
        t.Add("status:AwaitingFollowUp", cases - cases * 6 / 10);
        t.Add("recovered", cases / 2);
        t.Add("notRecovered", cases / 10);
        foreach (var c in Enum.GetValues<FailureCategory>()) t.Add(CaseFigures.Category + c, cases / 10);
        for (var b = 0; b < 6; b++) t.Add($"{CaseFigures.Apologise}:{(b + seed) % 8}", cases / 6);
        t.Add("satRecovered:4", cases / 4);
        t.Add("satRecovered:2", cases / 4);
        return t;
    }

    private static TableEntity Keyed(string partition, string rowKey, Tally tally)
    {
        var row = new TableEntity(partition, rowKey) { ["Key"] = rowKey[2..] };
        TableLimits.WriteChunked(row, "Counts", tally.ToJson());
        return row;
    }

    private static string? Arg(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
