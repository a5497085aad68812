using System.Text.RegularExpressions;

namespace ServiceRecoveryBot.Recovery.Cases;

/// <summary>
/// When to follow up, from the case: before a deadline the customer mentioned ("presenting at nine tomorrow"), within
/// hours for a critical case, before they leave when they are still on site, else the next day at the usual time.
/// </summary>
public static partial class FollowUpTiming
{
    public static readonly TimeSpan CriticalWithin = TimeSpan.FromHours(2);
    public static readonly TimeSpan OnSiteWithin = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan BeforeDeadline = TimeSpan.FromHours(1);
    private static readonly TimeSpan Soonest = TimeSpan.FromMinutes(15);

    public static FollowUpSuggestion Suggest(RecoveryCase c, DateTimeOffset now, TimeZoneInfo zone, TimeOnly usualTime)
    {
        var story = string.Join(" ", new[] { c.WhatHappened, c.CustomerWords, c.Details }.Where(t => t is not null));
        var candidates = new List<FollowUpSuggestion>();
        if (DeadlineIn(story, now, zone) is { } deadline)
            candidates.Add(new(Max(deadline - BeforeDeadline, now + Soonest), FollowUpReason.BeforeTheirDeadline));
        if (c.Severity >= 4) candidates.Add(new(now + CriticalWithin, FollowUpReason.Critical));
        if (IsOnSite(story)) candidates.Add(new(now + OnSiteWithin, FollowUpReason.StillOnSite));
        if (candidates.Count > 0) return candidates.MinBy(s => s.At)!;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        return new(At(today.AddDays(1), usualTime, zone), FollowUpReason.NextDay);
    }

    /// <summary>
    /// A time the customer needs things sorted by: "presenting at nine tomorrow", "flight at 6pm", "checking out by 11".
    /// The pattern finds the deadline in the story; <see cref="TimeExpressions"/> reads its day and time.
    /// </summary>
    public static DateTimeOffset? DeadlineIn(string text, DateTimeOffset now, TimeZoneInfo zone) =>
        DeadlinePattern().Match(text.ToLowerInvariant()) is { Success: true } m ? TimeExpressions.Find(m.Value, now, zone, TimeOnly.MinValue) : null;

    /// <summary>The customer is still here: at a table, in a room, at the desk, waiting.</summary>
    public static bool IsOnSite(string text)
    {
        var lower = text.ToLowerInvariant();
        return !OffSitePattern().IsMatch(lower) && OnSitePattern().IsMatch(lower);
    }

    private static DateTimeOffset At(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;

    [GeneratedRegex(@"(?<before>\b(?:tomorrow\s+)?)(?:presenting|presentation|pitch|meeting|interview|wedding|flight|flying|train|leaving|leaves|check(?:ing)?\s?out|event|ceremony|need(?:s|ed)? (?:it|them|this))\b[^.!?]{0,40}?\b(?:at|by|before)\s+(?<hour>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon)(?:[:h.](?<minute>\d{2}))?\s*(?<half>am|pm|a\.m\.|p\.m\.|tonight)?\s*(?<day>tomorrow|today)?")]
    private static partial Regex DeadlinePattern();

    [GeneratedRegex(@"\b(?:table|room|suite|seat|at the (?:bar|desk|counter|front desk|reception|pool)|in the lobby|still here|waiting|in store|at checkout|at the till)\b|\bguest (?:in|at) \d")]
    private static partial Regex OnSitePattern();

    [GeneratedRegex(@"\b(?:called|phoned|rang|emailed|e-mailed|wrote|online|review|left|checked out|yesterday|last (?:night|week)|by phone|on the phone|complained by)\b")]
    private static partial Regex OffSitePattern();
}

/// <summary>A suggested follow-up time and why that one.</summary>
public sealed record FollowUpSuggestion(DateTimeOffset At, FollowUpReason Reason);

public enum FollowUpReason
{
    NextDay,
    Critical,
    BeforeTheirDeadline,
    StillOnSite,
}
