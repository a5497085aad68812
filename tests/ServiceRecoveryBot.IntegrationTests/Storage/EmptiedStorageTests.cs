using System.Diagnostics;
using System.Net;
using Azure.Data.Tables;
using ServiceRecoveryBot.IntegrationTests.Http;
using ServiceRecoveryBot.IntegrationTests.Infrastructure;
using ServiceRecoveryBot.Storage;

namespace ServiceRecoveryBot.IntegrationTests.Storage;

/// <summary>
/// Storage that comes back without the bot's tables (every table deleted mid-run, as an emptied account or an Azurite
/// restarted without its data): through the real host on Azurite, turns succeed again within seconds, and /readyz says
/// not ready until the tables are back.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EmptiedStorageTests(AzuriteFixture azurite) : BotHostTest(azurite)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Turns_succeed_again_within_seconds_after_every_table_is_deleted()
    {
        var client = new BotClient(Http, Connector, "a:emptied");
        Assert.NotEmpty(await client.SayAsync("help"));
        await DeleteTablesAsync();

        var clock = Stopwatch.StartNew();
        var opened = await client.SayAsync("Guest in 12 furious, steak overcooked twice");

        Assert.True(clock.Elapsed < Within, $"The first turn after the tables went took {clock.Elapsed}.");
        Assert.Contains(opened, r => r.Contains("SR-", StringComparison.Ordinal));
        Assert.NotEmpty(await new BotClient(Http, Connector, "a:emptied-other").SayAsync("my cases"));
    }

    [Fact]
    public async Task Readyz_is_not_ready_while_the_tables_are_missing_and_ready_again_once_they_are_back()
    {
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("/readyz")).StatusCode);
        await DeleteTablesAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Http.GetAsync("/readyz")).StatusCode);
        var clock = Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200)); // polling, as a load balancer does
            status = (await Http.GetAsync("/readyz")).StatusCode;
        }
        while (status != HttpStatusCode.OK && clock.Elapsed < Within);
        Assert.Equal(HttpStatusCode.OK, status);
    }

    private async Task DeleteTablesAsync()
    {
        var service = new TableServiceClient(Azurite.ConnectionString);
        foreach (var name in Factory.Services.GetRequiredService<TableNames>().All) await service.DeleteTableAsync(name);
    }
}
