using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Dialogs;

/// <summary>The user's time zone: the activity's IANA zone, else its local offset, else the configured default.</summary>
public static class UserTimeZone
{
    public static TimeZoneInfo Of(Activity activity, TimeZoneInfo fallback)
    {
        if (activity.LocalTimezone is { Length: > 0 } name && TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone))
            return zone;
        if (activity.LocalTimestamp is { } local)
            return TimeZoneInfo.CreateCustomTimeZone($"UTC{local.Offset:hh\\:mm}", local.Offset, null, null);
        return fallback;
    }

    /// <summary>The local calendar day of an instant in a zone.</summary>
    public static DateOnly Today(DateTimeOffset now, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);

    /// <summary>A local day and time in a zone as an instant; a time skipped by a daylight-saving jump moves forward.</summary>
    public static DateTimeOffset At(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
