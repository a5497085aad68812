using System.Diagnostics;
using Azure.Data.Tables;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ServiceRecoveryBot.Conversations;
using ServiceRecoveryBot.Insights;
using ServiceRecoveryBot.IntegrationTests.Infrastructure;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Recovery.Compensation;
using ServiceRecoveryBot.Recovery.Playbooks;
using ServiceRecoveryBot.Storage;
using Xunit.Abstractions;

namespace ServiceRecoveryBot.IntegrationTests.Insights;

/// <summary>The figures on Azurite: kept by every save, equal to a full scan of the cases, a crash neither losing nor doubling a case.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AggregatesOnAzuriteTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 15, 0, 0, TimeSpan.Zero);
    private static readonly InsightsOptions Targets = new();

    private sealed record Rig(TableServiceClient Service, TableNames Names, TableAggregateStore Figures, TableCaseArchive Archive, AggregateWriter Writer,
        AggregateReconciler Reconciler, TableCaseStore Cases, ICaseStore Saving, FakeTimeProvider Clock);

    private async Task<Rig> CreateAsync()
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        var names = new TableNames(Options.Create(new StorageOptions { TablePrefix = AzuriteFixture.NewTablePrefix() }));
        foreach (var name in names.All) await service.GetTableClient(name).CreateIfNotExistsAsync();
        var clock = new FakeTimeProvider(Now);
        var figures = new TableAggregateStore(service, names);
        var archive = new TableCaseArchive(service, names);
        var writer = new AggregateWriter(figures, Options.Create(new RecoveryOptions()), Options.Create(new AuthorityOptions()), NullLogger<AggregateWriter>.Instance);
        var cases = new TableCaseStore(service, names, new MemoryCache(new MemoryCacheOptions { SizeLimit = 10_000 }), new TableGroupCommit(), NullLogger<TableCaseStore>.Instance);
        return new Rig(service, names, figures, archive, writer, new AggregateReconciler(figures, archive, writer, clock, Options.Create(Targets)),
            cases, new AggregatingCaseStore(cases, writer), clock);
    }

    [Fact]
    public async Task Twenty_thousand_cases_over_90_days_give_the_same_report_from_the_figures_as_from_a_full_scan()
    {
        var rig = await CreateAsync();
        string[] teams = ["harbour-street", "airport", "old-town"];
        var generated = GeneratedCases.Make(20_000, teams, Now, days: 90);
        var watch = Stopwatch.StartNew();
        await GeneratedCases.WriteAsync(rig.Service, rig.Names, generated, CancellationToken.None);
        output.WriteLine($"20,000 case rows written in batches: {watch.ElapsedMilliseconds} ms");
        watch.Restart();
        foreach (var team in teams) Assert.Equal(generated.Count(c => c.TeamKey == team), (await rig.Reconciler.RebuildAsync(team, CancellationToken.None)).Cases);
        output.WriteLine($"figures built from the cases (rebuild, 20 shares a transaction): {watch.ElapsedMilliseconds} ms");

        // Then a few hundred live saves on top, through the saving store, as recoveries move on.
        var moved = generated.Where(c => c.Status == CaseStatus.AwaitingFollowUp && c.TeamKey == teams[0]).Take(150).ToList();
        await Parallel.ForEachAsync(moved, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (c, ct) =>
            await rig.Saving.SaveAsync(c.RecordFollowUp(new FollowUpOutcome(Now, true, 5, null, true, "Process", null, "Say sorry first"), null, "staff"), ct));

        var playbook = RecoveryPlaybook.LoadDefault();
        foreach (var team in teams)
        {
            watch.Restart();
            var read = await rig.Figures.ReadAsync(team, CaseShare.TeamWide, Today.AddDays(-89), Today, CancellationToken.None);
            output.WriteLine($"{team}: 90 days read in {watch.ElapsedMilliseconds} ms, {read.EntitiesRead} entities, {read.Requests} requests");
            Assert.Equal(90, read.Requests);
            Assert.InRange(read.EntitiesRead, 85, 90);

            var scanned = new List<RecoveryCase>();
            await foreach (var c in rig.Archive.CasesAsync(team, null, null, null, CancellationToken.None)) scanned.Add(c);
            var byDay = scanned.Select(rig.Writer.ShareOf).GroupBy(s => s.Day).ToDictionary(g => g.Key, g => Tally.Sum(g.Select(s => s.Figures)));
            Assert.Equal(byDay.Count, read.Days.Count);
            foreach (var day in read.Days) Assert.True(byDay[day.Day].SameAs(day.Figures), $"{team} {day.Day}: {day.Figures} vs {byDay[day.Day]}");

            foreach (var days in new[] { 7, 30 })
            {
                var fromFigures = Report(read.Days, days);
                var fromScan = Report([.. byDay.Select(d => new DayFigures(d.Key, d.Value))], days);
                Assert.Equal(InsightsReplies.Report(fromScan, playbook), InsightsReplies.Report(fromFigures, playbook));
                // And a few measures counted straight from the cases, not through the figures at all.
                var period = scanned.Where(c => CaseShare.DayOf(c.OpenedAt, TimeZoneInfo.Utc) > Today.AddDays(-days)).ToList();
                Assert.Equal(period.Count, fromFigures.Opened);
                Assert.Equal(period.Count(c => c.FollowUps.Any(f => f.Recovered)), fromFigures.Recovered);
                Assert.Equal(period.Count(c => c.Status == CaseStatus.AwaitingFollowUp && c.FollowUpAt < Now), fromFigures.Overdue);
                Assert.Equal(period.Where(c => c.Customer is not null).GroupBy(c => c.Customer!.NameOrReference).Count(g => g.Count() >= 2), fromFigures.RepeatCustomers);
            }
        }

        var chart = ReportChart.Render(Report((await rig.Figures.ReadAsync(teams[0], CaseShare.TeamWide, Today.AddDays(-89), Today, CancellationToken.None)).Days, 7), playbook);
        var path = Path.Combine(Path.GetTempPath(), "srb-weekly-report-chart.png");
        await File.WriteAllBytesAsync(path, chart);
        output.WriteLine($"chart: {chart.Length} bytes at {path}");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], chart[..4]);
    }

    [Fact]
    public async Task A_crash_between_the_case_save_and_its_figures_neither_loses_nor_doubles_the_case()
    {
        var rig = await CreateAsync();
        var opened = RecoveryCase.Open(new CaseId("CRSH"), "local", "staff-1", "Sam", "Soup arrived cold", Now.AddHours(-2));
        await rig.Saving.SaveAsync(opened, CancellationToken.None);
        Assert.Equal(1, await OpenedTodayAsync(rig, "local"));

        // The process dies after the case row is stored and before its figures are: the case store alone saved it.
        var closed = opened.Record(CaseStep.Apologised, Now.AddHours(-1), "staff-1").AwaitFollowUp(Now.AddHours(1), Now.AddHours(-1), "staff-1");
        await rig.Cases.SaveAsync(closed, CancellationToken.None);
        Assert.Equal(0, await CountAsync(rig, "local", "status:AwaitingFollowUp"));

        // The reconcile pass (or the next save) applies it; again and again, it is still counted once.
        await rig.Reconciler.ReconcileAsync("local", CancellationToken.None);
        await rig.Reconciler.ReconcileAsync("local", CancellationToken.None);
        await rig.Writer.ApplyAsync([closed], CancellationToken.None);
        await rig.Writer.ApplyAsync([opened], CancellationToken.None); // a late, older revision changes nothing
        Assert.Equal(1, await OpenedTodayAsync(rig, "local"));
        Assert.Equal(1, await CountAsync(rig, "local", "status:AwaitingFollowUp"));
        Assert.Equal(0, await CountAsync(rig, "local", "status:InProgress"));

        // A second crash, healed by the case's next save instead.
        var followedUp = closed.RecordFollowUp(new FollowUpOutcome(Now, true, 4, null, true, "Process", null, null), null, "staff-1");
        await rig.Cases.SaveAsync(followedUp, CancellationToken.None);
        var later = followedUp.Touch(Now);
        await rig.Saving.SaveAsync(later, CancellationToken.None);
        Assert.Equal(1, await OpenedTodayAsync(rig, "local"));
        Assert.Equal(1, await CountAsync(rig, "local", "recovered"));
        Assert.Equal(0, await CountAsync(rig, "local", "status:AwaitingFollowUp"));
        Assert.False(await rig.Figures.RepairAsync("local", Today, CancellationToken.None)); // the keyed rows agree with the shares
    }

    [Fact]
    public async Task Concurrent_saves_of_many_cases_on_one_day_count_each_once()
    {
        var rig = await CreateAsync();
        // A second instance of the bot on the same tables: its own case cache, its own figures writer.
        var otherWriter = new AggregateWriter(new TableAggregateStore(rig.Service, rig.Names), Options.Create(new RecoveryOptions()), Options.Create(new AuthorityOptions()), NullLogger<AggregateWriter>.Instance);
        ICaseStore[] instances = [rig.Saving, new AggregatingCaseStore(new TableCaseStore(rig.Service, rig.Names, new MemoryCache(new MemoryCacheOptions { SizeLimit = 1000 }), new TableGroupCommit(), NullLogger<TableCaseStore>.Instance), otherWriter)];
        var cases = Enumerable.Range(0, 40).Select(i => RecoveryCase.Open(new CaseId("C" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)), "busy", $"staff-{i % 3}", null, "Queue", Now.AddMinutes(-i))).ToList();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (c, ct) =>
        {
            var first = int.Parse(c.Id.Value[1..], System.Globalization.CultureInfo.InvariantCulture) % 2;
            await instances[first].SaveAsync(c, ct);
            await instances[1 - first].SaveAsync(c.Record(CaseStep.Apologised, c.OpenedAt.AddMinutes(3), c.StaffId), ct);
        });
        Assert.Equal(40, await OpenedTodayAsync(rig, "busy"));
        Assert.Equal(40, Durations.Count((await rig.Figures.ReadAsync("busy", CaseShare.TeamWide, Today, Today, CancellationToken.None)).Days.Single().Figures, CaseFigures.Apologise));
        Assert.Equal(14, (await rig.Figures.ReadAsync("busy", CaseShare.StaffKey("staff-0"), Today, Today, CancellationToken.None)).Days.Single().Figures["opened"]);
        Assert.False(await rig.Figures.RepairAsync("busy", Today, CancellationToken.None));
    }

    private static DateOnly Today => CaseShare.DayOf(Now, TimeZoneInfo.Utc);

    private static TeamReport Report(IReadOnlyList<DayFigures> days, int period) =>
        TeamReport.Of(days, period, Today, Now, Targets.ChartWeeks, Targets.ApologiseTarget, Targets.SatisfactionBaseline);

    private static Task<long> OpenedTodayAsync(Rig rig, string team) => CountAsync(rig, team, "opened");

    private static async Task<long> CountAsync(Rig rig, string team, string counter) =>
        (await rig.Figures.ReadAsync(team, CaseShare.TeamWide, Today, Today, CancellationToken.None)).Days.SingleOrDefault()?.Figures[counter] ?? 0;
}
