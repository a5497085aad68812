using System.Text;
using Azure.Data.Tables;
using ServiceRecoveryBot.IntegrationTests.Http;
using ServiceRecoveryBot.IntegrationTests.Infrastructure;
using ServiceRecoveryBot.Storage;
using ServiceRecoveryBot.Turns.Effects;
using ServiceRecoveryBot.Turns.State;

namespace ServiceRecoveryBot.IntegrationTests.Storage;

/// <summary>
/// A state row that cannot be read back (here: a document of the wrong shape, as a row written by a bug would be)
/// never makes its conversation answer 500: through the real host on Azurite, the row is kept aside, the conversation
/// starts afresh with an apology naming its case, and the sweep reads past it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class UnreadableRowTests(AzuriteFixture azurite) : BotHostTest(azurite)
{
    private const string Damaged = """{"schemaVersion":1,"activeCaseId":"SR-7K3Q","greeted":"not a boolean","dialogs":{"dialogStack":[]}}""";

    [Fact]
    public async Task A_state_row_that_cannot_be_read_is_kept_aside_and_the_conversation_starts_afresh_with_its_case()
    {
        var client = new BotClient(Http, Connector, "a:damaged-" + Guid.NewGuid().ToString("N")[..8]);
        var row = await WriteDamagedRowAsync(Factory, new ConversationKey("msteams", client.ConversationId), pendingEffects: false);

        var first = await client.SayAsync("help");
        var second = await client.SayAsync("help");

        var apology = Assert.Single(first);
        Assert.Contains("couldn't read back where we were", apology, StringComparison.Ordinal);
        Assert.Contains("resume SR-7K3Q", apology, StringComparison.Ordinal);
        Assert.DoesNotContain(second, r => r.Contains("couldn't read back", StringComparison.Ordinal));
        Assert.NotEmpty(second);
        var kept = await StatesOf(Factory).QueryAsync<TableEntity>(e => e.PartitionKey == TableConversationStateStore.SetAsidePartition).ToListAsync();
        var copy = Assert.Single(kept);
        Assert.StartsWith(row + "_", copy.RowKey, StringComparison.Ordinal);
        Assert.Equal(Damaged, Encoding.UTF8.GetString(CompressedJson.Decompress(copy.GetBinary("State0"), copy.GetInt32("StateLength")!.Value)));
    }

    [Fact]
    public async Task The_sweep_reads_past_a_row_that_cannot_be_read()
    {
        await using var bot = new BotFactory(Azurite, AzuriteFixture.NewTablePrefix(), new Dictionary<string, string?> { ["Effects:ReplayAfter"] = "00:00:00" });
        var key = new ConversationKey("msteams", "a:damaged-sweep");
        await WriteDamagedRowAsync(bot, key, pendingEffects: true);

        await bot.Services.GetRequiredService<ServiceRecoveryBot.Turns.Outbox>().SweepAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        var loaded = await bot.Services.GetRequiredService<IConversationStateStore>().LoadAsync(key, CancellationToken.None);
        Assert.Equal("SR-7K3Q", loaded?.State.ActiveCaseId);
        Assert.Single(await StatesOf(bot).QueryAsync<TableEntity>(e => e.PartitionKey == TableConversationStateStore.SetAsidePartition).ToListAsync());
    }

    private TableClient StatesOf(BotFactory bot) => new TableServiceClient(Azurite.ConnectionString).GetTableClient(bot.TablePrefix + "DialogState");

    private async Task<string> WriteDamagedRowAsync(BotFactory bot, ConversationKey key, bool pendingEffects)
    {
        _ = bot.Services; // the host creates the tables
        var json = Encoding.UTF8.GetBytes(Damaged);
        var row = TableConversationStateStore.RowKeyFor(key);
        await StatesOf(bot).AddEntityAsync(new TableEntity(TableConversationStateStore.PartitionKeyFor(row), row)
        {
            ["ChannelId"] = key.ChannelId,
            ["ConversationId"] = key.ConversationId,
            ["SchemaVersion"] = 1,
            ["StateLength"] = json.Length,
            ["StateChunks"] = 1,
            ["State0"] = CompressedJson.Compress(json),
            ["PendingEffects"] = pendingEffects,
        });
        return row;
    }
}
