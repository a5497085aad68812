using System.Text.Json;
using Azure.Data.Tables;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Storage;

namespace ServiceRecoveryBot.IntegrationTests.Insights;

/// <summary>
/// Made-up cases over past days (seeded, so the same every run) in every state a recovery can leave them, and a fast
/// way to store many: the case rows written in 100-row batches, as the case store would write them.
/// </summary>
internal static class GeneratedCases
{
    private static readonly string[] RootCauses = ["Process", "People or training", "Product", "Staffing or capacity"];
    private static readonly string[] Lessons = ["Check the order before it leaves the kitchen", "Brief the night shift on late check-ins", "Call the customer back the same day"];

    public static List<RecoveryCase> Make(int count, IReadOnlyList<string> teams, DateTimeOffset now, int days, int seed = 27)
    {
        var random = new Random(seed);
        var cases = new List<RecoveryCase>(count);
        for (var i = 0; i < count; i++)
        {
            var team = teams[i % teams.Count];
            var opened = now.AddMinutes(-random.Next(1, (days - 1) * 24 * 60));
            var staff = $"staff-{random.Next(1, 9)}";
            var c = RecoveryCase.Open(new CaseId("G" + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)), team, staff, staff, "Made-up failure " + i, opened) with
            {
                Category = random.Next(10) == 0 ? null : (FailureCategory)random.Next(0, 10),
                Severity = random.Next(6) == 0 ? null : random.Next(1, 5),
                Customer = random.Next(3) == 0 ? null : new Customer($"Guest {random.Next(0, 400)}", CustomerTier.Regular),
                Tones = [new ToneReading(Math.Round(random.NextDouble() * 2 - 1, 3), "negative", random.Next(5) == 0 ? ["Hostile"] : [], opened)],
            };
            var t = opened;
            if (random.Next(10) < 9) c = c.Record(CaseStep.Apologised, t = t.AddMinutes(random.Next(0, 40)), staff);
            if (random.Next(10) < 7) c = c.Record(CaseStep.Fixed, t = t.AddMinutes(random.Next(1, 300)), staff);
            if (random.Next(4) == 0)
            {
                var approval = (ApprovalState)random.Next(0, 4);
                c = c with { Atonement = new Atonement("Voucher", random.Next(1, 5), random.Next(0, 12) * 5m + 0.5m, approval) };
            }
            if (random.Next(5) == 0)
            {
                var due = t.AddHours(random.Next(1, 30));
                c = c with { Promise = new Promise("Call back", due) };
                if (random.Next(3) > 0) c = c.Record(CaseStep.PromiseKept, due.AddMinutes(random.Next(-120, 60)), staff);
            }
            var fate = random.Next(10);
            if (fate == 0) c = c.Pause(t.AddMinutes(1), staff);
            else if (fate >= 2)
            {
                c = c.AwaitFollowUp(t.AddHours(random.Next(2, 72)), t.AddMinutes(2), staff);
                if (fate >= 4 && c.FollowUpAt < now)
                {
                    var at = c.FollowUpAt!.Value.AddMinutes(random.Next(0, 600));
                    if (at > now) at = now;
                    var recovered = random.Next(3) > 0;
                    var outcome = new FollowUpOutcome(at, true, random.Next(1, 6), null, recovered, RootCauses[random.Next(RootCauses.Length)], null,
                        random.Next(2) == 0 ? Lessons[random.Next(Lessons.Length)] : null);
                    c = c.RecordFollowUp(outcome, recovered || random.Next(2) == 0 ? null : at.AddDays(1), staff) with
                    {
                        Tones = [.. c.Tones, new ToneReading(Math.Round(random.NextDouble() * 2 - 1, 3), "positive", [], at)],
                    };
                }
            }
            cases.Add(c);
        }
        return cases;
    }

    /// <summary>Stores the cases' main rows (what the archive reads) in batches of 100 per team partition.</summary>
    public static async Task WriteAsync(TableServiceClient service, TableNames names, IEnumerable<RecoveryCase> cases, CancellationToken ct)
    {
        var table = service.GetTableClient(names.Cases);
        var batches = cases.GroupBy(c => c.TeamKey).SelectMany(team => team.Chunk(100));
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (batch, token) =>
        {
            var actions = batch.Select(c =>
            {
                var row = new TableEntity(TableCaseStore.PartitionKeyFor(c.TeamKey), "i|" + c.Id.Value)
                {
                    ["StaffId"] = c.StaffId, ["OpenedUtc"] = c.OpenedAt, ["UpdatedUtc"] = c.UpdatedAt, ["Revision"] = c.Revision, ["Status"] = c.Status.ToString(),
                };
                TableLimits.WriteChunked(row, "Json", JsonSerializer.Serialize(c, StorageJson.Options));
                return new TableTransactionAction(TableTransactionActionType.UpsertReplace, row);
            }).ToList();
            await table.SubmitTransactionAsync(actions, token);
        });
    }
}
