using System.Globalization;
using System.Text.RegularExpressions;

namespace ServiceRecoveryBot.Dialogs.Prompts;

/// <summary>
/// Understands the ways staff say when: "now", "in 2 hours", "in half an hour", "tomorrow 9am", "friday",
/// "next monday at 14:30", "tonight", "today 5pm", "2026-12-01 10:00". Times are read in the user's time zone;
/// a day without a time gets the default time; a bare time already past today means tomorrow.
/// </summary>
public static partial class DateTimeRecognizer
{
    public static DateTimeOffset? Recognize(string text, DateTimeOffset now, TimeZoneInfo zone, TimeOnly defaultTime)
    {
        var input = ChoiceRecognizer.Normalize(text.Replace(":", "h", StringComparison.Ordinal).Replace(".", "h", StringComparison.Ordinal));
        input = input.Replace(" h ", "h", StringComparison.Ordinal);
        if (input.Length == 0) return null;

        if (input is "now" or "right now" or "asap" or "immediately" or "straight away")
            return now;

        if (RelativePattern().Match(input) is { Success: true } relative)
        {
            var amount = relative.Groups["n"].Value switch
            {
                "a" or "an" or "one" => 1d,
                "half an" or "half a" => 0.5,
                "a couple of" or "couple of" or "two" => 2,
                "three" => 3,
                "four" => 4,
                "five" => 5,
                var digits => double.Parse(digits, CultureInfo.InvariantCulture),
            };
            var span = relative.Groups["unit"].Value switch
            {
                var u when u.StartsWith('m') => TimeSpan.FromMinutes(amount),
                var u when u.StartsWith('h') => TimeSpan.FromHours(amount),
                var u when u.StartsWith('d') => TimeSpan.FromDays(amount),
                _ => TimeSpan.FromDays(7 * amount),
            };
            return now + span;
        }
        if (input is "half an hour" or "in half an hour") return now + TimeSpan.FromMinutes(30);

        if (IsoPattern().Match(text.Trim()) is { Success: true } iso
            && DateOnly.TryParseExact(iso.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var isoDate))
        {
            var isoTime = iso.Groups["time"].Success && TimeOnly.TryParse(iso.Groups["time"].Value, CultureInfo.InvariantCulture, out var t) ? t : defaultTime;
            return UserTimeZone.At(isoDate, isoTime, zone);
        }

        var day = FindDay(input, UserTimeZone.Today(now, zone), out var dayWasSaid);
        var time = FindTime(input, out var timeWasSaid);
        if (!dayWasSaid && !timeWasSaid) return null;

        var resolvedTime = time ?? defaultTime;
        var resolved = UserTimeZone.At(day, resolvedTime, zone);
        if (!dayWasSaid && resolved <= now) resolved = UserTimeZone.At(day.AddDays(1), resolvedTime, zone);
        return resolved;
    }

    private static DateOnly FindDay(string input, DateOnly today, out bool said)
    {
        said = true;
        if (input.Contains("day after tomorrow", StringComparison.Ordinal)) return today.AddDays(2);
        if (input.Contains("tomorrow", StringComparison.Ordinal) || input.Contains("tmrw", StringComparison.Ordinal)) return today.AddDays(1);
        if (input.Contains("today", StringComparison.Ordinal) || input.Contains("tonight", StringComparison.Ordinal) || input.Contains("this evening", StringComparison.Ordinal)) return today;
        if (input.Contains("next week", StringComparison.Ordinal)) return today.AddDays(7);
        foreach (var (name, weekday) in Weekdays)
        {
            if (!Regex.IsMatch(input, $@"\b{name}\b")) continue;
            var ahead = ((int)weekday - (int)today.DayOfWeek + 7) % 7;
            if (ahead == 0) ahead = 7;
            if (input.Contains("next " + name, StringComparison.Ordinal) && ahead < 7 && input.Contains("next week", StringComparison.Ordinal)) ahead += 7;
            return today.AddDays(ahead);
        }
        said = false;
        return today;
    }

    private static TimeOnly? FindTime(string input, out bool said)
    {
        said = true;
        if (Regex.IsMatch(input, @"\b(noon|midday)\b")) return new TimeOnly(12, 0);
        if (Regex.IsMatch(input, @"\bmidnight\b")) return new TimeOnly(23, 59);
        if (ClockPattern().Match(input) is { Success: true } clock)
        {
            var hour = int.Parse(clock.Groups["h"].Value, CultureInfo.InvariantCulture);
            var minute = clock.Groups["m"].Success ? int.Parse(clock.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            var meridiem = clock.Groups["ampm"].Value;
            if (meridiem.StartsWith('p') && hour < 12) hour += 12;
            if (meridiem.StartsWith('a') && hour == 12) hour = 0;
            if (meridiem.Length == 0 && !clock.Groups["m"].Success && !clock.Groups["at"].Success && !clock.Groups["oclock"].Success)
            {
                said = false;
                return null;
            }
            if (meridiem.Length == 0 && hour is >= 1 and <= 6 && !clock.Groups["m"].Success) hour += 12; // "at 5" during a shift means 17:00
            if (hour is >= 0 and < 24 && minute is >= 0 and < 60) return new TimeOnly(hour, minute);
        }
        if (input.Contains("tonight", StringComparison.Ordinal) || input.Contains("evening", StringComparison.Ordinal)) return new TimeOnly(19, 0);
        if (input.Contains("afternoon", StringComparison.Ordinal)) return new TimeOnly(14, 0);
        if (input.Contains("morning", StringComparison.Ordinal)) return new TimeOnly(9, 0);
        said = false;
        return null;
    }

    private static readonly (string Name, DayOfWeek Day)[] Weekdays =
    [
        ("monday", DayOfWeek.Monday), ("mon", DayOfWeek.Monday), ("tuesday", DayOfWeek.Tuesday), ("tue", DayOfWeek.Tuesday),
        ("wednesday", DayOfWeek.Wednesday), ("wed", DayOfWeek.Wednesday), ("thursday", DayOfWeek.Thursday), ("thu", DayOfWeek.Thursday),
        ("friday", DayOfWeek.Friday), ("fri", DayOfWeek.Friday), ("saturday", DayOfWeek.Saturday), ("sat", DayOfWeek.Saturday),
        ("sunday", DayOfWeek.Sunday), ("sun", DayOfWeek.Sunday),
    ];

    [GeneratedRegex(@"^(in\s+)?(?<n>\d+(h\d+)?|a couple of|couple of|half an|half a|an|a|one|two|three|four|five)\s*(?<unit>minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w)(\s+time)?$")]
    private static partial Regex RelativePattern();

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})([ T](?<time>\d{1,2}:\d{2}))?$")]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"(?<at>\bat\s+|\bby\s+)?\b(?<h>\d{1,2})(h(?<m>\d{2}))?\s*(?<ampm>am|pm|a m|p m)?(?<oclock>\s*o\s*clock)?\b")]
    private static partial Regex ClockPattern();
}
