using System.Globalization;
using System.Text;
using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Insights;

/// <summary>
/// Cases as CSV (RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted, quotes doubled; UTF-8 with
/// a byte-order mark so spreadsheet programs read accents). Timings and outcomes only: no customer names or words.
/// Text that a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with an apostrophe.
/// </summary>
public static class CasesCsv
{
    public const string ContentType = "text/csv";

    public static readonly string[] Header =
    [
        "case_id", "opened_utc", "status", "category", "severity", "staff_id", "minutes_to_apologise", "minutes_to_fix",
        "minutes_to_follow_up", "closed_utc", "recovered", "satisfaction", "root_cause", "lesson", "promise_due_utc",
        "promise_kept_on_time", "approval", "compensation", "currency",
    ];

    public static byte[] Write(IEnumerable<RecoveryCase> cases, string currency)
    {
        var csv = new StringBuilder();
        Line(csv, Header);
        foreach (var c in cases)
        {
            var reached = c.FollowUps.LastOrDefault(f => f.Reached);
            var kept = c.FirstAt(CaseStep.PromiseKept);
            Line(csv,
            [
                c.Id.Value, Time(c.OpenedAt), c.Status.ToString(), c.Category?.ToString() ?? "", c.Severity?.ToString(CultureInfo.InvariantCulture) ?? "",
                c.StaffId, Minutes(c.TimeToAcknowledge), Minutes(c.TimeToFix), Minutes(c.FirstAt(CaseStep.FollowUpRecorded) - c.OpenedAt),
                c.ClosedAt is { } closed ? Time(closed) : "", c.FollowUps.Any(f => f.Reached && f.Recovered) ? "yes" : c.Status == CaseStatus.Closed ? "no" : "",
                reached?.Satisfaction?.ToString(CultureInfo.InvariantCulture) ?? "", reached?.RootCause ?? "", reached?.Lesson ?? "",
                c.Promise?.DueAt is { } due ? Time(due) : "", c.Promise?.DueAt is { } by ? (kept is { } k && k <= by ? "yes" : "no") : "",
                c.Atonement?.Approval.ToString() ?? "", c.Atonement?.Amount?.ToString("0.00", CultureInfo.InvariantCulture) ?? "",
                c.Atonement?.Amount is null ? "" : currency,
            ]);
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static void Line(StringBuilder csv, IEnumerable<string> fields) => csv.Append(string.Join(',', fields.Select(Field))).Append("\r\n");

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Minutes(TimeSpan? span) => span is { } s ? Math.Round(s.TotalMinutes, 1).ToString("0.#", CultureInfo.InvariantCulture) : "";
}
