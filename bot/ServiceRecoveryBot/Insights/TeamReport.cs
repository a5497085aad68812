using System.Globalization;
using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Insights;

/// <summary>
/// The measures a manager reads for a period (the last <see cref="Days"/> days to today), computed from summed daily
/// figures alone, with the weeks before it for trends and the chart.
/// </summary>
public sealed record TeamReport
{
    public required int Days { get; init; }
    public required DateOnly From { get; init; }
    public required DateOnly To { get; init; }

    /// <summary>The period's figures summed.</summary>
    public required Tally Period { get; init; }

    /// <summary>The same length of time just before the period, for trends.</summary>
    public required Tally Previous { get; init; }

    /// <summary>Week by week (oldest first, the last one ending today), for the chart.</summary>
    public required IReadOnlyList<WeekFigures> Weeks { get; init; }

    public required int Overdue { get; init; }
    public required int RepeatCustomers { get; init; }
    public required TimeSpan ApologiseTarget { get; init; }
    public required int SatisfactionBaseline { get; init; }

    public long Opened => Period["opened"];
    public long Closed => Period["status:" + CaseStatus.Closed];
    public long Awaiting => Period["status:" + CaseStatus.AwaitingFollowUp];
    public long Unfinished => Period["status:" + CaseStatus.InProgress] + Period["status:" + CaseStatus.Paused];
    public long Recovered => Period["recovered"];
    public long NotRecovered => Period["notRecovered"];

    /// <summary>Recovered among the cases whose outcome is known (recovered, or closed without recovery).</summary>
    public double? RecoveredRate => Rate(Recovered, Recovered + NotRecovered);

    /// <summary>Recovered cases whose follow-up satisfaction was at or above the baseline, and how many recovered cases had a score.</summary>
    public (long AtOrAbove, long Scored) Paradox => (
        Period.WithPrefix("satRecovered:").Where(s => int.Parse(s.Key, CultureInfo.InvariantCulture) >= SatisfactionBaseline).Sum(s => s.Value),
        Period.WithPrefix("satRecovered:").Sum(s => s.Value));

    public (long Kept, long Made) Promises => (Period["promisesKept"], Period["promises"]);

    public TimeSpan? ApologiseP50 => Durations.Percentile(Period, CaseFigures.Apologise, 0.5);
    public TimeSpan? ApologiseP90 => Durations.Percentile(Period, CaseFigures.Apologise, 0.9);
    public long ApologisedWithinTarget => Durations.AtMost(Period, CaseFigures.Apologise, ApologiseTarget);
    public long Apologised => Durations.Count(Period, CaseFigures.Apologise);
    public TimeSpan? FixP50 => Durations.Percentile(Period, CaseFigures.Fix, 0.5);
    public TimeSpan? FollowUpP50 => Durations.Percentile(Period, CaseFigures.FollowUp, 0.5);

    public double? ToneAtStart => Average(Period["toneStart.sum"], Period["toneStart.n"]);
    public double? ToneAtFollowUp => Average(Period["toneFollowUp.sum"], Period["toneFollowUp.n"]);
    public double? Satisfaction => Period["sat:1"] + Period["sat:2"] + Period["sat:3"] + Period["sat:4"] + Period["sat:5"] is var n and > 0
        ? (double)Enumerable.Range(1, 5).Sum(s => s * Period["sat:" + s.ToString(CultureInfo.InvariantCulture)]) / n : null;

    /// <summary>Categories by count in the period, with the previous period's count.</summary>
    public IReadOnlyList<(FailureCategory Category, long Count, long Before)> TopCategories =>
        [.. Period.WithPrefix(CaseFigures.Category).Select(c => (Enum.Parse<FailureCategory>(c.Key), c.Value, Previous[CaseFigures.Category + c.Key]))
            .OrderByDescending(c => c.Value).ThenBy(c => c.Item1).Take(3)];

    public IReadOnlyList<(string Cause, long Count, long Before)> TopRootCauses =>
        [.. Period.WithPrefix(CaseFigures.RootCause).Select(c => (c.Key, c.Value, Previous[CaseFigures.RootCause + c.Key]))
            .OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(3)];

    /// <summary>Learning points recorded at follow-up, grouped by root cause (most first), the most repeated first within each.</summary>
    public IReadOnlyList<(string Cause, IReadOnlyList<(string Lesson, long Count)> Lessons)> Lessons =>
        [.. Period.WithPrefix(CaseFigures.Lesson)
            .Select(l => (Parts: l.Key.Split(CaseFigures.LessonSeparator, 2), l.Value))
            .GroupBy(l => l.Parts[0].Length == 0 ? "No root cause given" : l.Parts[0], StringComparer.Ordinal)
            .OrderByDescending(g => g.Sum(l => l.Value)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<(string, long)>)[.. g.OrderByDescending(l => l.Value).ThenBy(l => l.Parts[^1], StringComparer.Ordinal).Take(3).Select(l => (l.Parts[^1], l.Value))]))];

    public IReadOnlyList<(string Currency, decimal Amount)> Compensation =>
        [.. Period.WithPrefix(CaseFigures.Compensation).Select(c => (c.Key, c.Value / 100m))];

    /// <summary>The report from daily figures (any days outside the weeks shown are ignored).</summary>
    public static TeamReport Of(IReadOnlyList<DayFigures> days, int periodDays, DateOnly today, DateTimeOffset now, int weeks, TimeSpan apologiseTarget, int baseline)
    {
        var from = today.AddDays(1 - periodDays);
        var period = Tally.Sum(days.Where(d => d.Day >= from && d.Day <= today).Select(d => d.Figures));
        var previous = Tally.Sum(days.Where(d => d.Day >= from.AddDays(-periodDays) && d.Day < from).Select(d => d.Figures));
        var weekly = Enumerable.Range(0, weeks).Select(w =>
        {
            var end = today.AddDays(-7 * (weeks - 1 - w));
            var start = end.AddDays(-6);
            return new WeekFigures(start, Tally.Sum(days.Where(d => d.Day >= start && d.Day <= end).Select(d => d.Figures)));
        }).ToList();
        var overdue = period.WithPrefix(CaseFigures.Due).Where(d => long.Parse(d.Key, CultureInfo.InvariantCulture) < now.UtcTicks).Sum(d => d.Value);
        var repeat = period.WithPrefix(CaseFigures.Customer).Count(c => c.Value >= 2);
        return new TeamReport
        {
            Days = periodDays, From = from, To = today, Period = period, Previous = previous, Weeks = weekly,
            Overdue = (int)overdue, RepeatCustomers = repeat, ApologiseTarget = apologiseTarget, SatisfactionBaseline = baseline,
        };
    }

    public static double? Rate(long part, long whole) => whole == 0 ? null : (double)part / whole;

    private static double? Average(long milliSum, long n) => n == 0 ? null : milliSum / 1000.0 / n;
}

/// <summary>One week's summed figures, starting on <see cref="Start"/>.</summary>
public sealed record WeekFigures(DateOnly Start, Tally Figures);
