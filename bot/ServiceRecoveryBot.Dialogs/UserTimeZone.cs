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
}
