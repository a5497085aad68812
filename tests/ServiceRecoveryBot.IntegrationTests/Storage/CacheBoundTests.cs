using Microsoft.Extensions.Caching.Memory;
using ServiceRecoveryBot.IntegrationTests.Http;
using ServiceRecoveryBot.IntegrationTests.Infrastructure;

namespace ServiceRecoveryBot.IntegrationTests.Storage;

/// <summary>
/// The row cache is bounded by bytes, not by entries: through the real host on Azurite, a load of large messages (each
/// opening a case whose story is 30,000 characters, so each conversation's state is that large) keeps the cache within
/// its byte limit, and every conversation still answers.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CacheBoundTests(AzuriteFixture azurite)
{
    private const long Limit = 512 * 1024;

    [Fact]
    public async Task A_load_of_large_messages_keeps_the_cache_within_its_bytes()
    {
        await using var connector = await LoopbackConnector.StartAsync();
        await using var bot = new BotFactory(azurite, AzuriteFixture.NewTablePrefix(), new Dictionary<string, string?> { ["Storage:CacheBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using var http = bot.CreateClient();
        var story = "Guest in 12 furious, steak overcooked twice " + new string('x', 30_000);

        for (var i = 0; i < 40; i++)
            Assert.NotEmpty(await new BotClient(http, connector, $"a:large-{i}").SayAsync(story));

        var size = ((MemoryCache)bot.Services.GetRequiredService<IMemoryCache>()).GetCurrentStatistics()!.CurrentEstimatedSize;
        Assert.InRange(size ?? long.MaxValue, 1, Limit);
        Assert.NotEmpty(await new BotClient(http, connector, "a:large-0").SayAsync("status"));
    }
}
