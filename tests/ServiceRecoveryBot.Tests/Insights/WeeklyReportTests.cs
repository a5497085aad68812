using ServiceRecoveryBot.Insights;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Reminders;
using ServiceRecoveryBot.Tests.Conversations;
using ServiceRecoveryBot.Testing;

namespace ServiceRecoveryBot.Tests.Insights;

/// <summary>The weekly report: scheduled by the digest, sent to the managers' channel with its chart, the next one scheduled, once per date.</summary>
public sealed class WeeklyReportTests : IDisposable
{
    private readonly BotHarness bot = new(new Dictionary<string, string?>
    {
        ["Managers:Teams:0:TeamKey"] = "local",
        ["Managers:Teams:0:UserIds:0"] = "manager-1",
        ["Insights:WeeklyReportDay"] = "Friday",
        ["Insights:WeeklyReportTime"] = "08:30",
    });

    public void Dispose() => bot.Dispose();

    [Fact]
    public async Task The_digest_schedules_the_weekly_report_which_goes_to_the_managers_channel_and_schedules_the_next()
    {
        var managers = bot.Chat("managers-channel", "manager-1");
        await managers.SayAsync("register channel");
        await bot.Chat("conv-1").SayEachAsync([.. RecoveryScript.UpToTheClose, "ok"]);
        var digest = bot.Reminders.Scheduled.Single(r => r.Kind == ReminderKind.Digest);
        Assert.Equal(ReminderOutcome.Delivered, await bot.Get<IReminderHandler>().HandleAsync(digest, 1, CancellationToken.None));

        var weekly = Assert.Single(bot.Reminders.Scheduled, r => r.Kind == ReminderKind.WeeklyReport);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 8, 30, 0, TimeSpan.Zero), weekly.DueAt); // the Friday after Monday 23 Nov, UTC
        Assert.Equal(ReminderOutcome.Delivered, await bot.Get<IReminderHandler>().HandleAsync(digest, 1, CancellationToken.None));
        Assert.Single(bot.Reminders.Scheduled, r => r.Kind == ReminderKind.WeeklyReport); // the same date's report, scheduled once

        managers.Replies();
        bot.Clock.Advance(weekly.DueAt - bot.Clock.GetUtcNow());
        Assert.Equal(ReminderOutcome.Delivered, await bot.Get<IReminderHandler>().HandleAsync(weekly, 1, CancellationToken.None));

        var sent = bot.Get<ServiceRecoveryBot.Channels.Local.LocalChannel>().Transcript("managers-channel").Since(-1).Activities.Last(a => a.Type == ActivityTypes.Message);
        Assert.Contains("Last 7 days: 1 case", sent.Text, StringComparison.Ordinal); // the local channel shows no cards: the text carries every number
        Assert.NotNull(ReportCard.ChartOf(await bot.Get<ReportCommands>().TeamReportAsync("local", 7, CancellationToken.None))); // card channels get the chart
        Assert.Contains(bot.Reminders.Scheduled, r => r.Kind == ReminderKind.WeeklyReport && r.DueAt == weekly.DueAt.AddDays(7));
    }
}
