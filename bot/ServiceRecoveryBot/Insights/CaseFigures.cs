using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Insights;

/// <summary>
/// What one case, as it stands, adds to its team's figures for the day it was opened: counters only, and none that
/// depend on the time of asking (overdue is read from the follow-up due times), so the same case always adds the same.
/// </summary>
public static class CaseFigures
{
    /// <summary>Counters kept only in the day's team-wide row (they grow with the cases, not with the keys).</summary>
    public static readonly string[] TeamOnly = [Customer, Lesson];

    public const string Customer = "cust:";
    public const string Lesson = "lesson:";
    public const string Due = "due:";
    public const string Category = "cat:";
    public const string Severity = "sev:";
    public const string RootCause = "root:";
    public const string Compensation = "comp:";
    public const string Apologise = "apologise";
    public const string Fix = "fix";
    public const string FollowUp = "followup";

    /// <summary>The separator between a lesson's root cause and its words.</summary>
    public const char LessonSeparator = '\u001f';

    public static Tally For(RecoveryCase c, string currency)
    {
        var t = new Tally();
        if (c.Status == CaseStatus.Discarded) return t; // opened by mistake: counts nowhere
        t.Add("opened", 1);
        t.Add("status:" + c.Status, 1);
        if (c.Category is { } category) t.Add(Category + category, 1);
        if (c.Severity is { } severity) t.Add(Severity + severity.ToString(CultureInfo.InvariantCulture), 1);
        if (c.Severity >= 3) t.Add("severe", 1);
        if (CaseSummary.Of(c).Flagged) t.Add("flagged", 1);
        if (c.Status == CaseStatus.AwaitingFollowUp && c.FollowUpAt is { } due) t.Add(Due + due.UtcTicks.ToString(CultureInfo.InvariantCulture), 1);

        var reached = c.FollowUps.Where(f => f.Reached).ToList();
        var recovered = reached.Any(f => f.Recovered);
        if (recovered) t.Add("recovered", 1);
        else if (c.Status == CaseStatus.Closed) t.Add("notRecovered", 1);
        if (reached.LastOrDefault() is { } last)
        {
            if (last.Satisfaction is { } s)
            {
                t.Add("sat:" + s.ToString(CultureInfo.InvariantCulture), 1);
                if (recovered) t.Add("satRecovered:" + s.ToString(CultureInfo.InvariantCulture), 1);
            }
            if (!string.IsNullOrWhiteSpace(last.RootCause)) t.Add(RootCause + last.RootCause.Trim(), 1);
            if (!string.IsNullOrWhiteSpace(last.Lesson))
                t.Add(Lesson + (last.RootCause?.Trim() ?? "") + LessonSeparator + Clip(last.Lesson), 1);
        }

        if (c.Atonement is { } atonement)
        {
            if (atonement.Approval != ApprovalState.NotNeeded || c.Timeline.Any(e => e.Step == CaseStep.ApprovalRequested)) t.Add("approvalsAsked", 1);
            if (atonement.Approval == ApprovalState.Approved) t.Add("approvalsGranted", 1);
            if (atonement.Approval is ApprovalState.NotNeeded or ApprovalState.Approved && atonement.Amount is > 0 and var amount)
                t.Add(Compensation + currency, (long)Math.Round(amount * 100m, MidpointRounding.AwayFromZero));
        }

        if (c.TimeToAcknowledge is { } apologised) t.Add($"{Apologise}:{Durations.Bucket(apologised)}", 1);
        if (c.TimeToFix is { } fixedIn) t.Add($"{Fix}:{Durations.Bucket(fixedIn)}", 1);
        if (c.FirstAt(CaseStep.FollowUpRecorded) is { } followedUp) t.Add($"{FollowUp}:{Durations.Bucket(followedUp - c.OpenedAt)}", 1);

        if (c.Promise?.DueAt is { } promisedBy)
        {
            t.Add("promises", 1);
            if (c.FirstAt(CaseStep.PromiseKept) is { } kept && kept <= promisedBy) t.Add("promisesKept", 1);
        }

        var scored = c.Tones.Where(x => x.Scored).ToList();
        if (scored.FirstOrDefault() is { } start)
        {
            t.Add("toneStart.n", 1);
            t.Add("toneStart.sum", Milli(start.Compound));
        }
        if (c.FollowUps.FirstOrDefault() is { } first && scored.LastOrDefault(x => x.At >= first.At) is { } atFollowUp)
        {
            t.Add("toneFollowUp.n", 1);
            t.Add("toneFollowUp.sum", Milli(atFollowUp.Compound));
        }

        if (CustomerKey(c) is { } customer) t.Add(Customer + customer, 1);
        return t;
    }

    /// <summary>A short one-way hash of the customer's name or reference within the team: repeat visits can be counted without keeping who.</summary>
    public static string? CustomerKey(RecoveryCase c)
    {
        var name = c.Customer?.NameOrReference?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(name)) return null;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(c.TeamKey + "\n" + name));
        return Convert.ToHexString(hash, 0, 8);
    }

    private static long Milli(double value) => (long)Math.Round(value * 1000, MidpointRounding.AwayFromZero);

    private static string Clip(string lesson)
    {
        var oneLine = string.Join(' ', lesson.Split((char[])['\n', '\r', '\t', LessonSeparator], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return oneLine.Length <= 160 ? oneLine : oneLine[..160];
    }
}
