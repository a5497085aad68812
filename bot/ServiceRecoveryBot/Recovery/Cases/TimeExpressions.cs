using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ServiceRecoveryBot.Recovery.Cases;

/// <summary>
/// Finds when a promise or a follow-up is due in what staff say, in English or Spanish, anywhere in a sentence:
/// "tomorrow by 6pm", "in 15 minutes", "2h", "at nine tomorrow", "by friday", "mañana a las 6", "en 15 minutos".
/// "Before they leave" ("antes de que se vayan") is <see cref="BeforeTheyLeave"/> from now.
/// </summary>
/// <remarks>
/// Times are read in the given zone (the user's, else <c>Recovery:TimeZone</c>) relative to <c>now</c> (the turn's time,
/// from the injected clock). A day without a time gets the default time; a time without a day that has passed today means
/// tomorrow; an hour from 1 to 6 without am/pm is the afternoon, as said during a shift ("by 6" is 18:00).
/// </remarks>
public static partial class TimeExpressions
{
    /// <summary>
    /// How long "before they leave" gives: a guest at a table or a desk is there for about half an hour to an hour, so the
    /// promise falls due well before that, while they can still be reached in person.
    /// </summary>
    public static readonly TimeSpan BeforeTheyLeave = TimeSpan.FromMinutes(40);

    public static DateTimeOffset? Find(string text, DateTimeOffset now, TimeZoneInfo zone, TimeOnly defaultTime)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(zone);
        var input = Normalize(text);
        if (input.Length == 0) return null;

        if (BeforeLeavingPattern().IsMatch(input)) return now + BeforeTheyLeave;
        if (NowPattern().IsMatch(input)) return now;
        if (Relative(input) is { } span) return now + span;

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var day = FindDay(input, today);
        var time = FindTime(input);
        if (day is null && time is null) return null;

        var at = At(day ?? today, time ?? defaultTime, zone);
        if (day is null && at <= now) at = At(today.AddDays(1), time!.Value, zone);
        return at;
    }

    /// <summary>"in 15 minutes", "en 15 minutos", "within 2 hours", "in half an hour", "2h", "15 min" (the whole answer).</summary>
    private static TimeSpan? Relative(string input)
    {
        if (HalfHourPattern().IsMatch(input)) return TimeSpan.FromMinutes(30);
        if (HoursAndMinutesPattern().Match(input) is { Success: true } hm)
            return TimeSpan.FromHours(int.Parse(hm.Groups["h"].Value, CultureInfo.InvariantCulture)) + TimeSpan.FromMinutes(int.Parse(hm.Groups["m"].Value, CultureInfo.InvariantCulture));
        var match = RelativePattern().Match(input);
        if (!match.Success) match = BareDurationPattern().Match(input);
        if (!match.Success) return null;
        var amount = Amount(match.Groups["n"].Value);
        if (amount is not { } n || n <= 0) return null;
        return match.Groups["unit"].Value switch
        {
            var u when u.StartsWith('m') => TimeSpan.FromMinutes(n),
            var u when u.StartsWith('h') => TimeSpan.FromHours(n),
            var u when u.StartsWith('d') => TimeSpan.FromDays(n),
            _ => TimeSpan.FromDays(7 * n),
        };
    }

    private static DateOnly? FindDay(string input, DateOnly today)
    {
        if (Has(input, "day after tomorrow") || Has(input, "pasado manana")) return today.AddDays(2);
        if (Has(input, "tomorrow") || Has(input, "tmrw") || TomorrowInSpanish().IsMatch(input)) return today.AddDays(1);
        if (Has(input, "today") || Has(input, "tonight") || Has(input, "esta manana") || Has(input, "this evening") || Has(input, "hoy") || Has(input, "esta noche") || Has(input, "esta tarde"))
            return today;
        if (Has(input, "next week") || Has(input, "la semana que viene") || Has(input, "la proxima semana")) return today.AddDays(7);
        foreach (var (name, weekday) in Weekdays)
        {
            if (!Has(input, name)) continue;
            var ahead = ((int)weekday - (int)today.DayOfWeek + 7) % 7;
            return today.AddDays(ahead == 0 ? 7 : ahead);
        }
        return null;
    }

    private static TimeOnly? FindTime(string input)
    {
        if (Has(input, "noon") || Has(input, "midday") || Has(input, "mediodia")) return new TimeOnly(12, 0);
        if (Has(input, "midnight") || Has(input, "medianoche")) return new TimeOnly(23, 59);
        foreach (Match clock in ClockPattern().Matches(input))
        {
            if (Hour(clock.Groups["h"].Value) is not { } hour) continue;
            // A number in words is a time only after "at" / "a las" ("at nine", "a las seis"), and a Spanish one only after
            // a Spanish marker: "at once" is not 11:00.
            var marker = clock.Groups["at"].Value.Trim();
            var word = clock.Groups["h"].Value;
            if (!char.IsDigit(word[0]) && (marker.Length == 0 || SpanishHours.Contains(word) != SpanishMarkers.Contains(marker))) continue;
            var minute = clock.Groups["m"].Success ? int.Parse(clock.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            var meridiem = clock.Groups["ampm"].Value;
            var marked = clock.Groups["at"].Success || clock.Groups["oclock"].Success || clock.Groups["m"].Success || meridiem.Length > 0;
            if (!marked) continue; // "table 12", "room 305": a number alone is no time
            if (meridiem.StartsWith('p') && hour < 12) hour += 12;
            else if (meridiem.StartsWith('a') && hour == 12) hour = 0;
            else if (meridiem.Length == 0 && hour is >= 1 and < 12 && IsLater(input)) hour += 12; // "by 7 tonight"
            else if (meridiem.Length == 0 && hour is >= 1 and <= 6 && !clock.Groups["m"].Success && !Has(input, "morning") && !Has(input, "por la manana")) hour += 12;
            if (hour is >= 0 and < 24 && minute is >= 0 and < 60) return new TimeOnly(hour, minute);
        }
        if (Has(input, "tonight") || Has(input, "evening") || Has(input, "esta noche") || Has(input, "por la noche")) return new TimeOnly(19, 0);
        if (Has(input, "afternoon") || Has(input, "esta tarde") || Has(input, "por la tarde")) return new TimeOnly(14, 0);
        if (Has(input, "morning") || Has(input, "por la manana") || Has(input, "esta manana")) return new TimeOnly(9, 0);
        return null;
    }

    /// <summary>The time is said to be in the afternoon or the evening: "7 tonight", "a las 8 de la tarde".</summary>
    private static bool IsLater(string input) =>
        Has(input, "tonight") || Has(input, "this evening") || Has(input, "in the evening") || Has(input, "this afternoon")
        || Has(input, "in the afternoon") || Has(input, "esta noche") || Has(input, "esta tarde") || Has(input, "de la tarde")
        || Has(input, "de la noche") || Has(input, "por la tarde") || Has(input, "por la noche");

    /// <summary>A local day and time in a zone as an instant; a time skipped by a daylight-saving jump moves forward.</summary>
    private static DateTimeOffset At(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static double? Amount(string n) => n switch
    {
        "a" or "an" or "one" or "un" or "una" or "uno" => 1,
        "a couple of" or "couple of" or "two" or "dos" => 2,
        "a few" or "three" or "tres" => 3,
        "four" or "cuatro" => 4,
        "five" or "cinco" => 5,
        "ten" or "diez" => 10,
        "fifteen" or "quince" => 15,
        "twenty" or "veinte" => 20,
        "thirty" or "treinta" => 30,
        "forty five" => 45,
        _ => double.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : null,
    };

    private static int? Hour(string h) => h switch
    {
        "one" or "una" => 1, "two" or "dos" => 2, "three" or "tres" => 3, "four" or "cuatro" => 4, "five" or "cinco" => 5,
        "six" or "seis" => 6, "seven" or "siete" => 7, "eight" or "ocho" => 8, "nine" or "nueve" => 9, "ten" or "diez" => 10,
        "eleven" or "once" => 11, "twelve" or "doce" => 12,
        _ => int.TryParse(h, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null,
    };

    private static readonly HashSet<string> SpanishHours = ["una", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once", "doce"];
    private static readonly HashSet<string> SpanishMarkers = ["a las", "a la", "sobre las", "antes de las", "para las"];

    private static bool Has(string input, string phrase) => Regex.IsMatch(input, $@"(^|\s){Regex.Escape(phrase)}($|\s)");

    /// <summary>Lower case, accents off ("mañana" is "manana"), "6:30" and "6.30" as "6h30", punctuation as spaces.</summary>
    private static string Normalize(string text)
    {
        var lower = text.ToLowerInvariant();
        var builder = new StringBuilder(lower.Length);
        foreach (var c in lower)
        {
            // Accents off by hand: the bot may run with invariant globalization, where Normalize() does not decompose.
            var plain = c switch { 'á' or 'à' => 'a', 'é' or 'è' => 'e', 'í' => 'i', 'ó' => 'o', 'ú' or 'ü' => 'u', 'ñ' => 'n', _ => c };
            builder.Append(char.IsLetterOrDigit(plain) ? plain : plain is ':' or '.' or ',' ? plain : ' ');
        }
        var spaced = TimeSeparator().Replace(builder.ToString(), "${h}h${m}");
        spaced = spaced.Replace(':', ' ').Replace('.', ' ').Replace(',', ' ');
        return string.Join(' ', spaced.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static readonly (string Name, DayOfWeek Day)[] Weekdays =
    [
        ("monday", DayOfWeek.Monday), ("mon", DayOfWeek.Monday), ("lunes", DayOfWeek.Monday),
        ("tuesday", DayOfWeek.Tuesday), ("tue", DayOfWeek.Tuesday), ("martes", DayOfWeek.Tuesday),
        ("wednesday", DayOfWeek.Wednesday), ("wed", DayOfWeek.Wednesday), ("miercoles", DayOfWeek.Wednesday),
        ("thursday", DayOfWeek.Thursday), ("thu", DayOfWeek.Thursday), ("jueves", DayOfWeek.Thursday),
        ("friday", DayOfWeek.Friday), ("fri", DayOfWeek.Friday), ("viernes", DayOfWeek.Friday),
        ("saturday", DayOfWeek.Saturday), ("sabado", DayOfWeek.Saturday),
        ("sunday", DayOfWeek.Sunday), ("domingo", DayOfWeek.Sunday),
    ];

    private const string Count = @"\d+|a couple of|couple of|a few|half an|an|a|one|two|three|four|five|ten|fifteen|twenty|thirty|forty five|un|una|uno|dos|tres|cuatro|cinco|diez|quince|veinte|treinta";
    private const string Unit = @"minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|minutos?|horas?|dias?|semanas?";

    [GeneratedRegex(@"(^|\s)(in|within|en|dentro de)\s+(?<n>" + Count + @")\s*(?<unit>" + Unit + @")($|\s)")]
    private static partial Regex RelativePattern();

    [GeneratedRegex(@"^(?<n>\d+)\s*(?<unit>" + Unit + @")$")]
    private static partial Regex BareDurationPattern();

    /// <summary>"in 1h30" ("in 1:30" normalised); without "in", "18h30" is a time of day.</summary>
    [GeneratedRegex(@"(^|\s)(in|within|en|dentro de)\s+(?<h>\d{1,2})h(?<m>\d{2})($|\s)")]
    private static partial Regex HoursAndMinutesPattern();

    [GeneratedRegex(@"(^|\s)(in|within|en|dentro de)\s+(half an hour|media hora)($|\s)")]
    private static partial Regex HalfHourPattern();

    [GeneratedRegex(@"^(now|right now|asap|immediately|straight away|ahora|ahora mismo|ya)$")]
    private static partial Regex NowPattern();

    [GeneratedRegex(@"\bbefore (they|he|she|the guests?|the customers?|the family|the couple|the party) (leaves?|go|goes|check out|checks out)\b|\bantes de que se vayan?\b|\bantes de que (el cliente|la clienta|los clientes|el huesped) se vayan?\b")]
    private static partial Regex BeforeLeavingPattern();

    /// <summary>"mañana" as a day, not "por la mañana" (in the morning).</summary>
    [GeneratedRegex(@"(?<!por la |de la |esta )\bmanana\b")]
    private static partial Regex TomorrowInSpanish();

    [GeneratedRegex(@"(?<h>\d{1,2})[:.](?<m>\d{2})")]
    private static partial Regex TimeSeparator();

    [GeneratedRegex(@"(?<at>\b(at|by|before|around|a las|a la|sobre las|antes de las|para las)\s+)?\b(?<h>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce)(h(?<m>\d{2}))?\s*(?<ampm>am|pm|a m|p m)?(?<oclock>\s*o clock|\s*oclock)?\b")]
    private static partial Regex ClockPattern();
}
