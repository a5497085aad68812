using System.ComponentModel.DataAnnotations;

namespace ServiceRecoveryBot.Insights;

/// <summary>Targets the reports compare against, and when the weekly report goes out (section "Insights").</summary>
public sealed class InsightsOptions
{
    public const string Section = "Insights";

    /// <summary>The team's target for the first apology after a case opens.</summary>
    public TimeSpan ApologiseTarget { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The team's usual satisfaction (1-5) that a recovered customer's follow-up score is compared with.</summary>
    [Range(1, 5)]
    public int SatisfactionBaseline { get; set; } = 4;

    /// <summary>Weeks of history the chart shows.</summary>
    [Range(2, 26)]
    public int ChartWeeks { get; set; } = 8;

    /// <summary>Day and local time of the weekly report in the managers' channel.</summary>
    public DayOfWeek WeeklyReportDay { get; set; } = DayOfWeek.Monday;

    public TimeOnly WeeklyReportTime { get; set; } = new(9, 0);

    /// <summary>How often the figures of the teams with a managers' channel are reconciled with their recent case saves.</summary>
    public TimeSpan ReconcileEvery { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How far back a team's first reconcile looks for case saves whose figures may be missing.</summary>
    public TimeSpan ReconcileLookBack { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Saves can land a little after the time they carry: each reconcile looks back this much before its mark.</summary>
    public TimeSpan ReconcileOverlap { get; set; } = TimeSpan.FromMinutes(15);
}
