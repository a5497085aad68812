using ServiceRecoveryBot.Insights;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Tests.Conversations;
using ServiceRecoveryBot.Testing;

namespace ServiceRecoveryBot.Tests.Insights;

/// <summary>Reports and exports in chat, through the real pipeline: managers of the team get them, others get their own figures.</summary>
public sealed class ReportsInChatTests
{
    private static readonly Dictionary<string, string?> Managed = new()
    {
        ["Managers:Teams:0:TeamKey"] = "local",
        ["Managers:Teams:0:UserIds:0"] = "manager-1",
        ["Managers:Teams:1:TeamKey"] = "other-team",
        ["Managers:Teams:1:UserIds:0"] = "manager-9",
    };

    [Fact]
    public async Task A_managers_summary_comes_with_a_png_chart_and_the_numbers_in_text()
    {
        using var bot = new BotHarness(Managed);
        await bot.Chat("conv-1").SayEachAsync([.. RecoveryScript.UpToTheClose, "ok"]);

        await bot.Chat("conv-3", "manager-1").SayAsync("this week's summary");

        var reply = bot.Get<ServiceRecoveryBot.Channels.Local.LocalChannel>().Transcript("conv-3").Since(-1).Activities.Last(a => a.Type == ActivityTypes.Message);
        var png = ReportCard.ChartOf(reply);
        Assert.NotNull(png);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        Assert.InRange(png.Length, 10_000, 200_000);
        Assert.Contains("Last 7 days: 1 case", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Recovered:", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_asking_for_the_summary_get_their_own_figures_only()
    {
        using var bot = new BotHarness(Managed);
        var chat = bot.Chat("conv-1");
        await chat.SayEachAsync([.. RecoveryScript.UpToTheClose, "ok"]);
        await bot.Chat("conv-2", "staff-2").SayEachAsync([.. RecoveryScript.UpToTheClose, "ok"]);

        var text = Assert.Single(await chat.SayAsync("this week's summary"));

        Assert.StartsWith("Last 7 days, your cases: 1 case", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_teams_manager_asking_for_this_teams_summary_gets_only_their_own_figures()
    {
        using var bot = new BotHarness(Managed);
        await bot.Chat("conv-1").SayEachAsync([.. RecoveryScript.UpToTheClose, "ok"]);

        await bot.Chat("conv-9", "manager-9").SayAsync("this week's summary");

        var reply = bot.Get<ServiceRecoveryBot.Channels.Local.LocalChannel>().Transcript("conv-9").Since(-1).Activities.Last(a => a.Type == ActivityTypes.Message);
        Assert.StartsWith("Last 7 days: no cases. (Your own figures", reply.Text, StringComparison.Ordinal);
        Assert.Null(ReportCard.ChartOf(reply));
    }

    [Fact]
    public async Task Another_teams_manager_cannot_export_this_teams_cases()
    {
        using var bot = new BotHarness(Managed);
        await bot.Chat("conv-1").SayEachAsync([.. RecoveryScript.UpToTheClose, "ok"]);

        var text = Assert.Single(await bot.Chat("conv-9", "manager-9").SayAsync("export cases last month"));

        Assert.Equal(InsightsReplies.OnlyManagersReports, text);
    }

    [Fact]
    public async Task A_manager_exports_last_months_cases_as_rfc_4180_csv()
    {
        using var bot = new BotHarness(Managed);
        await bot.Chat("conv-1").SayEachAsync([.. RecoveryScript.UpToTheClose, "ok"]);
        bot.Clock.Advance(TimeSpan.FromDays(10)); // 23 Nov -> 3 Dec: the case is last month's.

        await bot.Chat("conv-3", "manager-1").SayAsync("export cases last month");

        var reply = bot.Get<ServiceRecoveryBot.Channels.Local.LocalChannel>().Transcript("conv-3").Since(-1).Activities.Last(a => a.Type == ActivityTypes.Message);
        var file = Assert.Single(reply.Attachments!);
        Assert.Equal("text/csv", file.ContentType);
        Assert.Equal("cases-2026-11.csv", file.Name);
        var bytes = Convert.FromBase64String(file.ContentUrl![(file.ContentUrl!.IndexOf(',', StringComparison.Ordinal) + 1)..]);
        var csv = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        var lines = csv.Split("\r\n");
        Assert.StartsWith("case_id,opened_utc,status", lines[0], StringComparison.Ordinal);
        Assert.StartsWith(bot.Cases.All.Single().Id.Value + ",2026-11-23T", lines[1], StringComparison.Ordinal);
        Assert.Equal("", lines[^1]);
    }

    [Theory]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"sorry\"", "\"say \"\"sorry\"\"\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData("=HYPERLINK(1)", "'=HYPERLINK(1)")]
    [InlineData("-3.5", "-3.5")]
    public void Csv_fields_are_quoted_as_rfc_4180_says_and_formulas_defused(string value, string field) =>
        Assert.Equal(field, CasesCsv.Field(value));
}
