using Microsoft.Extensions.Options;
using ServiceRecoveryBot.Conversations;

namespace ServiceRecoveryBot.Insights;

/// <summary>
/// Builds a team's report (or a staff member's own) from the stored daily figures: one read per day of the weeks the
/// chart shows, whatever the number of cases.
/// </summary>
public sealed class TeamReports(IAggregateStore store, TimeProvider clock, IOptions<InsightsOptions> options, IOptions<RecoveryOptions> recovery)
{
    public async Task<(TeamReport Report, AggregateRead Read)> BuildAsync(string teamKey, string key, int days, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = CaseShare.DayOf(now, recovery.Value.Zone);
        var o = options.Value;
        var span = Math.Max(o.ChartWeeks * 7, 2 * days);
        var read = await store.ReadAsync(teamKey, key, today.AddDays(1 - span), today, ct);
        return (TeamReport.Of(read.Days, days, today, now, o.ChartWeeks, o.ApologiseTarget, o.SatisfactionBaseline), read);
    }
}
