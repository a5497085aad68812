using System.Globalization;
using Microsoft.Extensions.Options;
using ServiceRecoveryBot.Conversations;
using ServiceRecoveryBot.Conversations.Managers;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Recovery.Compensation;
using ServiceRecoveryBot.Recovery.Playbooks;

namespace ServiceRecoveryBot.Insights;

/// <summary>
/// The figures in chat: the team report with its chart and the CSV export for the team's managers, a staff member's own
/// figures for everyone else, and the rebuild of the figures from the cases for managers and admins.
/// </summary>
public sealed class ReportCommands(
    TeamReports reports,
    ITeamDirectory teams,
    ICaseArchive archive,
    AggregateReconciler reconciler,
    RecoveryPlaybook playbook,
    TimeProvider clock,
    IOptions<ManagerOptions> managers,
    IOptions<RecoveryOptions> recovery,
    IOptions<AuthorityOptions> authority)
{
    /// <summary>"this week's summary": the team report for its managers, the asker's own figures for anyone else.</summary>
    public async Task SummaryAsync(TurnContext turn, string team, int days, CancellationToken ct)
    {
        if (await IsManagerAsync(turn.Activity, team, ct)) turn.Send(Reply(turn, await TeamReportAsync(team, days, ct)));
        else await OwnFiguresAsync(turn, team, days, ct);
    }

    public async Task OwnFiguresAsync(TurnContext turn, string team, int days, CancellationToken ct)
    {
        var (report, _) = await reports.BuildAsync(team, CaseShare.StaffKey(turn.Activity.From?.Id ?? ""), days, ct);
        turn.SendText(InsightsReplies.OwnFigures(report));
    }

    /// <summary>The team report message: text and chart (for the chat and the weekly report alike).</summary>
    public async Task<Activity> TeamReportAsync(string team, int days, CancellationToken ct)
    {
        var (report, _) = await reports.BuildAsync(team, CaseShare.TeamWide, days, ct);
        var title = $"Recovery report — {report.From.ToString("d MMM", CultureInfo.InvariantCulture)} to {report.To.ToString("d MMM", CultureInfo.InvariantCulture)}";
        return ReportCard.Build(title, InsightsReplies.Report(report, playbook), ReportChart.Render(report, playbook));
    }

    /// <summary>"export cases last month": the cases opened in the previous calendar month (local time), as CSV.</summary>
    public async Task ExportAsync(TurnContext turn, string team, CancellationToken ct)
    {
        if (!await IsManagerAsync(turn.Activity, team, ct))
        {
            turn.SendText(InsightsReplies.OnlyManagersReports);
            return;
        }
        var zone = recovery.Value.Zone;
        var today = CaseShare.DayOf(clock.GetUtcNow(), zone);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var lastMonth = thisMonth.AddMonths(-1);
        var cases = new List<RecoveryCase>();
        await foreach (var c in archive.CasesAsync(team, LocalMidnight(lastMonth, zone), LocalMidnight(thisMonth, zone), null, ct)) cases.Add(c);
        if (cases.Count == 0)
        {
            turn.SendText(InsightsReplies.ExportNoCases);
            return;
        }
        var csv = CasesCsv.Write(cases.OrderBy(c => c.OpenedAt), authority.Value.CurrencySymbol);
        var month = lastMonth.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
        turn.Send(Reply(turn, ReportCard.File(InsightsReplies.ExportReady(cases.Count, month), $"cases-{lastMonth:yyyy-MM}.csv", CasesCsv.ContentType, csv)));
    }

    /// <summary>"rebuild aggregates": every case re-applied, every day re-summed; for the team's managers and admins.</summary>
    public async Task RebuildAsync(TurnContext turn, string team, CancellationToken ct)
    {
        if (!managers.Value.Admins.Contains(turn.Activity.From?.Id ?? "") && !await IsManagerAsync(turn.Activity, team, ct))
        {
            turn.SendText(InsightsReplies.RebuildOnlyManagers);
            return;
        }
        var (cases, repaired) = await reconciler.RebuildAsync(team, ct);
        turn.SendText(InsightsReplies.Rebuilt(cases, repaired));
    }

    private static Activity Reply(TurnContext turn, Activity message) =>
        turn.Activity.CreateReply(message.Text) with { Summary = message.Summary, Attachments = message.Attachments };

    private Task<bool> IsManagerAsync(Activity activity, string team, CancellationToken ct) =>
        teams.IsManagerAsync(team, [activity.From?.Id ?? "", activity.From?.AadObjectId ?? ""], ct);

    private static DateTimeOffset LocalMidnight(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
