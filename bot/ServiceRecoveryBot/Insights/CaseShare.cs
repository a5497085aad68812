using System.Globalization;
using ServiceRecoveryBot.Dialogs;
using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Insights;

/// <summary>
/// One case's part in its team's figures: the day it was opened (local date), the keys it is counted under (the team,
/// its category, severity and staff member) and its counters, at one revision of the case.
/// </summary>
public sealed record CaseShare(string TeamKey, CaseId CaseId, int Revision, DateOnly Day, IReadOnlyList<string> Keys, Tally Figures)
{
    public const string TeamWide = "a";

    public static string CategoryKey(FailureCategory category) => "c|" + category;

    public static string SeverityKey(int severity) => "s|" + severity.ToString(CultureInfo.InvariantCulture);

    public static string StaffKey(string staffId) => "p|" + staffId;

    public static CaseShare Of(RecoveryCase c, TimeZoneInfo zone, string currency)
    {
        var keys = new List<string> { TeamWide, StaffKey(c.StaffId) };
        if (c.Category is { } category) keys.Add(CategoryKey(category));
        if (c.Severity is { } severity) keys.Add(SeverityKey(severity));
        return new CaseShare(c.TeamKey, c.Id, c.Revision, DayOf(c.OpenedAt, zone), keys, CaseFigures.For(c, currency));
    }

    public static DateOnly DayOf(DateTimeOffset at, TimeZoneInfo zone) => UserTimeZone.Today(at, zone);

    /// <summary>What the share adds under <paramref name="key"/>: everything team-wide, less the per-customer and lesson counters elsewhere.</summary>
    public static Tally Under(string key, Tally figures) => key == TeamWide ? figures : figures.Without(CaseFigures.TeamOnly);
}
