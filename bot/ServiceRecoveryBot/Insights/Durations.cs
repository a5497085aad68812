using System.Globalization;

namespace ServiceRecoveryBot.Insights;

/// <summary>
/// Fixed histogram buckets for durations (upper bounds in minutes, the last one open), so that sums of histograms can
/// be stored as counters and percentiles read back from them (to the bucket's upper bound).
/// </summary>
public static class Durations
{
    public static readonly int[] UpperMinutes = [1, 2, 5, 10, 15, 30, 60, 120, 240, 480, 1440, 2880, 10080];

    /// <summary>The bucket a duration falls in: the first whose upper bound it does not exceed, or the open last one.</summary>
    public static int Bucket(TimeSpan duration)
    {
        var minutes = Math.Max(0, duration.TotalMinutes);
        for (var i = 0; i < UpperMinutes.Length; i++)
            if (minutes <= UpperMinutes[i]) return i;
        return UpperMinutes.Length;
    }

    /// <summary>
    /// The upper bound of the bucket holding the <paramref name="quantile"/> (0.5 for the median) of the counts, or null
    /// when there are none; <see cref="TimeSpan.MaxValue"/> when it falls in the open bucket.
    /// </summary>
    public static TimeSpan? Percentile(Tally tally, string name, double quantile)
    {
        var buckets = new long[UpperMinutes.Length + 1];
        foreach (var (key, value) in tally.WithPrefix(name + ":"))
            if (int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var b) && b < buckets.Length) buckets[b] += value;
        var total = buckets.Sum();
        if (total == 0) return null;
        var rank = Math.Max(1, (long)Math.Ceiling(quantile * total));
        long seen = 0;
        for (var i = 0; i < buckets.Length; i++)
        {
            seen += buckets[i];
            if (seen >= rank) return i < UpperMinutes.Length ? TimeSpan.FromMinutes(UpperMinutes[i]) : TimeSpan.MaxValue;
        }
        return TimeSpan.MaxValue;
    }

    /// <summary>How many counted durations are at most <paramref name="limit"/> (whole buckets only).</summary>
    public static long AtMost(Tally tally, string name, TimeSpan limit) =>
        tally.WithPrefix(name + ":").Where(b => int.TryParse(b.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < UpperMinutes.Length && UpperMinutes[i] <= limit.TotalMinutes).Sum(b => b.Value);

    public static long Count(Tally tally, string name) => tally.WithPrefix(name + ":").Sum(b => b.Value);

    /// <summary>"≤ 15 min", "≤ 4 h", "≤ 2 d", "over 7 d".</summary>
    public static string Describe(TimeSpan? bound) => bound switch
    {
        null => "n/a",
        { } b when b == TimeSpan.MaxValue => "over 7 d",
        { TotalMinutes: < 60 } b => $"≤ {b.TotalMinutes:0} min",
        { TotalHours: < 24 } b => $"≤ {b.TotalHours:0} h",
        { } b => $"≤ {b.TotalDays:0} d",
    };
}
