using System.Globalization;
using Microsoft.Extensions.Options;
using ServiceRecoveryBot.Conversations;
using ServiceRecoveryBot.Dialogs;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Reminders;

namespace ServiceRecoveryBot.Insights;

/// <summary>
/// Sends the weekly report to the managers' channel when its reminder falls due (one reminder per team and date, so it
/// goes once, claimed like the digest) and schedules the next; every digest makes sure the next one is scheduled.
/// Other reminders go to the handler it wraps.
/// </summary>
public sealed class WeeklyReportHandler(
    IReminderHandler inner,
    ReportCommands reports,
    ManagerChannelNotifier notifier,
    IReminderScheduler reminders,
    TimeProvider clock,
    IOptions<InsightsOptions> options,
    IOptions<RecoveryOptions> recovery) : IReminderHandler
{
    public async Task<ReminderOutcome> HandleAsync(Reminder reminder, int attempt, CancellationToken ct)
    {
        if (reminder.Kind != ReminderKind.WeeklyReport)
        {
            var outcome = await inner.HandleAsync(reminder, attempt, ct);
            if (reminder.Kind == ReminderKind.Digest && outcome == ReminderOutcome.Delivered) await ScheduleNextAsync(reminder.TeamKey, clock.GetUtcNow(), ct);
            return outcome;
        }
        var report = await reports.TeamReportAsync(reminder.TeamKey, 7, ct);
        var result = await notifier.SendAsync(reminder.TeamKey, report, ct);
        if (result is { Outcome: SendOutcome.Throttled or SendOutcome.Failed }) return ReminderOutcome.RetryLater;
        if (result is not null) await ScheduleNextAsync(reminder.TeamKey, reminder.DueAt.AddMinutes(1), ct);
        return ReminderOutcome.Delivered;
    }

    /// <summary>The team's next weekly report, on the configured day at the configured local time after <paramref name="now"/>.</summary>
    public Task ScheduleNextAsync(string teamKey, DateTimeOffset now, CancellationToken ct)
    {
        var due = NextDue(now, options.Value.WeeklyReportDay, options.Value.WeeklyReportTime, recovery.Value.Zone);
        return reminders.ScheduleAsync(new Reminder($"weekly|{teamKey}|{due.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}", ReminderKind.WeeklyReport, teamKey, null, due), ct);
    }

    public static DateTimeOffset NextDue(DateTimeOffset now, DayOfWeek day, TimeOnly time, TimeZoneInfo zone)
    {
        var today = UserTimeZone.Today(now, zone);
        for (var i = 0; i <= 7; i++)
        {
            var date = today.AddDays(i);
            if (date.DayOfWeek != day) continue;
            var due = UserTimeZone.At(date, time, zone);
            if (due > now) return due;
        }
        return UserTimeZone.At(today.AddDays(7), time, zone);
    }
}
