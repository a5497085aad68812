using ServiceRecoveryBot.IntegrationTests.Infrastructure;
using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.IntegrationTests.Http;

[Collection(AzuriteCollection.Name)]
public sealed class RestartTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_recovery_resumes_after_the_bot_process_restarts_mid_dialog()
    {
        await using var connector = await LoopbackConnector.StartAsync();
        var prefix = AzuriteFixture.NewTablePrefix();
        string caseText;
        await using (var first = new BotFactory(azurite, prefix))
        {
            var client = new BotClient(first.CreateClient(), connector, "conv-restart");
            var opened = await client.SayAsync("Room service to 1207 took 50 minutes and the breakfast arrived cold.");
            caseText = opened[0].Split(' ')[1];
            await client.SayAsync("1");
            await client.SayAsync("skip");
        }

        await using var second = new BotFactory(azurite, prefix);
        var resumed = new BotClient(second.CreateClient(), connector, "conv-restart");
        Assert.Contains(await resumed.SayAsync("regular"), r => r.Contains("own words", StringComparison.Ordinal));
        foreach (var answer in new[] { "Fifty minutes for cold eggs.", "1", "done", "skip", "1", "skip", "skip" })
            await resumed.SayAsync(answer);
        var done = await resumed.SayAsync("ok");

        Assert.Contains(done, r => r.Contains(caseText, StringComparison.Ordinal));   // the summary itself is a card on Teams
        var stored = await second.Services.GetRequiredService<ICaseStore>().FindAsync("local", CaseId.TryParse(caseText)!.Value, CancellationToken.None);
        Assert.Equal(CaseStatus.AwaitingFollowUp, stored?.Status);
        Assert.Equal("Fifty minutes for cold eggs.", stored?.CustomerWords);
    }
}
