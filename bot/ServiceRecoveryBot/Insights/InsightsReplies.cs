using System.Globalization;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Recovery.Playbooks;

namespace ServiceRecoveryBot.Insights;

/// <summary>What the bot says about figures: the team report (the same numbers as the chart, for screen readers), a staff member's own figures, exports and rebuilds.</summary>
public static class InsightsReplies
{
    public const string ParadoxCaution =
        "The recovery paradox (a recovered customer happier than one never let down) is rare and small in the research: read this as a count, not a promise.";

    public const string OnlyManagersReports = "Reports and exports are for this team's managers. Say \"my figures\" for your own.";

    public const string ExportNoCases = "No cases were opened last month, so there is nothing to export.";

    public static string Period(int days) => days == 1 ? "Last 24 hours" : $"Last {days} days";

    /// <summary>"Last 7 days: 12 cases — 8 closed, 3 awaiting follow-up (1 overdue) …", then the measures line by line.</summary>
    public static string Report(TeamReport r, RecoveryPlaybook playbook)
    {
        var period = Period(r.Days);
        if (r.Opened == 0) return $"{period}: no cases. Quiet, or nobody told me — say what happened next time something goes wrong.";
        var lines = new List<string>
        {
            $"{period}: {Count(r.Opened, "case")} — {r.Closed} closed, {r.Awaiting} awaiting follow-up" +
                (r.Overdue > 0 ? $" ({r.Overdue} overdue)" : "") + (r.Unfinished > 0 ? $", {r.Unfinished} in progress or paused" : "") + ".",
            $"{r.Period["severe"]} major or critical (S3-S4); {r.Period["flagged"]} flagged for the customer's tone or a manager.",
        };
        if (r.TopCategories.Count > 0)
            lines.Add("Most common: " + string.Join(", ", r.TopCategories.Select(t => $"{playbook.For(t.Category).Title.ToLowerInvariant()} ({t.Count})")) + ".");
        lines.Add($"Recovered: {Percent(r.RecoveredRate)} ({r.Recovered} of {r.Recovered + r.NotRecovered} with an outcome).");
        var (above, scored) = r.Paradox;
        if (scored > 0)
            lines.Add($"Recovered and at or above the usual satisfaction ({r.SatisfactionBaseline}/5): {Percent(TeamReport.Rate(above, scored))} ({above} of {scored}). {ParadoxCaution}");
        var (kept, made) = r.Promises;
        if (made > 0) lines.Add($"Promises kept on time: {kept} of {made} ({Percent(TeamReport.Rate(kept, made))}).");
        if (r.Apologised > 0)
            lines.Add($"Time to apologise: median {Durations.Describe(r.ApologiseP50)}, 90% {Durations.Describe(r.ApologiseP90)}; " +
                $"{r.ApologisedWithinTarget} of {r.Apologised} within the {Durations.Describe(r.ApologiseTarget)[2..]} target.");
        if (r.FixP50 is not null || r.FollowUpP50 is not null)
            lines.Add($"Median time to fix {Durations.Describe(r.FixP50)}, to follow up {Durations.Describe(r.FollowUpP50)}.");
        if (r.Satisfaction is { } sat) lines.Add($"Satisfaction at follow-up: {sat.ToString("0.0", CultureInfo.InvariantCulture)}/5.");
        if (r.ToneAtStart is { } start && r.ToneAtFollowUp is { } end)
            lines.Add($"Customer tone: {Signed(start)} at the start, {Signed(end)} at follow-up (-1 to +1).");
        if (r.Period["approvalsAsked"] > 0) lines.Add($"Approvals: {r.Period["approvalsGranted"]} granted of {r.Period["approvalsAsked"]} asked.");
        if (r.Compensation.Count > 0)
            lines.Add("Compensation given: " + string.Join(", ", r.Compensation.Select(c => c.Currency + c.Amount.ToString("0.00", CultureInfo.InvariantCulture))) + ".");
        if (r.RepeatCustomers > 0) lines.Add($"Repeat customers: {r.RepeatCustomers} came back with another failure.");
        if (r.TopRootCauses.Count > 0)
            lines.Add("Root causes: " + string.Join(", ", r.TopRootCauses.Select(c => $"{c.Cause.ToLowerInvariant()} {c.Count} ({Trend(c.Count, c.Before)})")) + ".");
        if (r.TopCategories.Count > 0)
            lines.Add("Trend on the period before: " + string.Join(", ", r.TopCategories.Select(t => $"{playbook.For(t.Category).Title.ToLowerInvariant()} {Trend(t.Count, t.Before)}")) + ".");
        if (r.Lessons.Count > 0)
        {
            lines.Add("Learning points:");
            foreach (var (cause, lessons) in r.Lessons.Take(4))
                lines.Add($"- {cause}: " + string.Join("; ", lessons.Select(l => l.Count > 1 ? $"{l.Lesson} (×{l.Count})" : l.Lesson)));
        }
        return string.Join("\n", lines);
    }

    /// <summary>A staff member's own figures over the period.</summary>
    public static string OwnFigures(TeamReport r)
    {
        var period = Period(r.Days);
        if (r.Opened == 0) return $"{period}: no cases. (Your own figures: the team's report is for its managers.)";
        var line = $"{period}, your cases: {Count(r.Opened, "case")} — {r.Closed} closed, {r.Awaiting} awaiting follow-up" + (r.Overdue > 0 ? $" ({r.Overdue} overdue)" : "") + ".";
        line += $"\nRecovered: {Percent(r.RecoveredRate)} ({r.Recovered} of {r.Recovered + r.NotRecovered} with an outcome).";
        if (r.Apologised > 0) line += $"\nTime to apologise: median {Durations.Describe(r.ApologiseP50)}; {r.ApologisedWithinTarget} of {r.Apologised} within target.";
        var (kept, made) = r.Promises;
        if (made > 0) line += $"\nPromises kept on time: {kept} of {made}.";
        return line;
    }

    public static string ExportReady(int count, string month) => $"{Count(count, "case")} opened in {month}, as CSV (UTF-8).";

    public static string Rebuilt(int cases, int days) => $"Figures rebuilt from {Count(cases, "case")}; {days} day(s) needed a correction.";

    public const string RebuildOnlyManagers = "Only this team's managers (or an admin) can rebuild the figures.";

    public static string Count(long n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    public static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : "n/a";

    private static string Signed(double v) => v.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);

    private static string Trend(long now, long before) => now > before ? $"up from {before}" : now < before ? $"down from {before}" : "same as before";
}
