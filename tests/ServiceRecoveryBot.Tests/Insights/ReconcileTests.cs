using ServiceRecoveryBot.Insights;
using ServiceRecoveryBot.Tests.Conversations;
using ServiceRecoveryBot.Testing;

namespace ServiceRecoveryBot.Tests.Insights;

/// <summary>The reconcile pass counts a case whose figures a crash left out, once, however often it runs.</summary>
public sealed class ReconcileTests
{
    [Fact]
    public async Task A_case_saved_without_its_figures_is_counted_once_by_the_reconcile_pass()
    {
        using var bot = new BotHarness(new Dictionary<string, string?> { ["Managers:Teams:0:TeamKey"] = "local", ["Managers:Teams:0:UserIds:0"] = "manager-1" });
        await bot.Chat("managers-channel", "manager-1").SayAsync("register channel");
        await bot.Chat("conv-1").SayEachAsync([.. RecoveryScript.UpToTheClose, "ok"]);
        var saved = bot.Cases.All.Single();
        // The case store alone stores the next version: the process died before its figures were updated.
        await bot.Cases.SaveAsync(saved.RecordFollowUp(new ServiceRecoveryBot.Recovery.Cases.FollowUpOutcome(bot.Clock.GetUtcNow(), true, 5, null, true, "Process", null, null), null, "staff-1"), CancellationToken.None);
        Assert.Equal(0, await RecoveredAsync(bot));

        var worker = bot.Get<AggregateReconcileWorker>();
        Assert.Equal(1, await worker.ReconcileTeamsAsync(CancellationToken.None));
        await worker.ReconcileTeamsAsync(CancellationToken.None);

        Assert.Equal(1, await RecoveredAsync(bot));
        Assert.Equal(1, (await bot.Figures.ReadAsync("local", CaseShare.TeamWide, Today(bot), Today(bot), CancellationToken.None)).Days.Single().Figures["opened"]);
    }

    private static DateOnly Today(BotHarness bot) => CaseShare.DayOf(bot.Clock.GetUtcNow(), TimeZoneInfo.Utc);

    private static async Task<long> RecoveredAsync(BotHarness bot) =>
        (await bot.Figures.ReadAsync("local", CaseShare.TeamWide, Today(bot), Today(bot), CancellationToken.None)).Days.Single().Figures["recovered"];
}
