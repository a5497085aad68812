using ServiceRecoveryBot.IntegrationTests.Http;
using ServiceRecoveryBot.IntegrationTests.Infrastructure;
using ServiceRecoveryBot.Turns.Effects;

namespace ServiceRecoveryBot.IntegrationTests.Turns;

/// <summary>
/// A turn's replies are committed with its state, so neither a connector that fails after the commit nor a bot that dies
/// before sending loses them: through the real host and Azurite, they arrive once each, when the channel redelivers the
/// activity or on the restarted bot's sweep.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RepliesAfterCrashTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private static readonly Dictionary<string, string?> ReplayAtOnce = new() { ["Effects:ReplayAfter"] = "00:00:00" };

    [Fact]
    public async Task Replies_the_connector_refused_after_the_commit_arrive_once_when_the_channel_redelivers_the_activity()
    {
        await using var connector = await LoopbackConnector.StartAsync();
        await using var bot = new BotFactory(azurite, AzuriteFixture.NewTablePrefix());
        var http = bot.CreateClient();
        var expected = await new BotClient(http, connector, "a:refused-control").SayAsync("help");
        var client = new BotClient(http, connector, "a:refused-then-redelivered");
        var message = client.Message("help");

        connector.RefuseMessagesWith = 500;
        (await client.PostAsync(message)).EnsureSuccessStatusCode();
        var refused = connector.Refused.Count(r => r.ReplyToId == message.Id);
        connector.RefuseMessagesWith = null;
        (await client.PostAsync(message)).EnsureSuccessStatusCode();

        Assert.True(refused > 0, "The connector refused nothing.");
        Assert.NotEmpty(expected);
        Assert.Equal(expected, client.RepliesTo(message.Id!));
    }

    [Fact]
    public async Task Replies_a_bot_died_before_sending_arrive_once_from_the_restarted_bots_sweep()
    {
        await using var connector = await LoopbackConnector.StartAsync();
        var prefix = AzuriteFixture.NewTablePrefix();
        var (expected, client, message) = await DieBeforeSendingAsync(connector, prefix, "a:died-sweep");

        await using var restarted = new BotFactory(azurite, prefix, ReplayAtOnce);
        _ = restarted.Services; // starts the host, and with it the start-up sweep
        await restarted.Services.GetRequiredService<ServiceRecoveryBot.Turns.Outbox>().SweepAsync(CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(expected, client.RepliesTo(message));
    }

    [Fact]
    public async Task Replies_a_bot_died_before_sending_arrive_once_when_the_channel_redelivers_to_the_restarted_bot()
    {
        await using var connector = await LoopbackConnector.StartAsync();
        var prefix = AzuriteFixture.NewTablePrefix();
        var (expected, client, message) = await DieBeforeSendingAsync(connector, prefix, "a:died-redelivery");

        await using var restarted = new BotFactory(azurite, prefix, ReplayAtOnce);
        var again = new BotClient(restarted.CreateClient(), connector, client.ConversationId);
        (await again.PostAsync(client.Message("help") with { Id = message })).EnsureSuccessStatusCode();
        await restarted.Services.GetRequiredService<ServiceRecoveryBot.Turns.Outbox>().SweepAsync(CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(expected, client.RepliesTo(message));
    }

    /// <summary>
    /// A bot that commits "help" and dies while its first reply is on the way (the connector never answers it): returns
    /// the replies "help" gets in a healthy conversation, the conversation and the id of the activity left unanswered.
    /// </summary>
    private async Task<(IReadOnlyList<string> Expected, BotClient Client, string ActivityId)> DieBeforeSendingAsync(
        LoopbackConnector connector, string prefix, string conversationId)
    {
        var bot = new BotFactory(azurite, prefix);
        var http = bot.CreateClient();
        var expected = await new BotClient(http, connector, conversationId + "-control").SayAsync("help");
        var client = new BotClient(http, connector, conversationId);
        var message = client.Message("help");
        var held = new TaskCompletionSource<Protocol.Activity>(TaskCreationOptions.RunContinuationsAsynchronously);
        connector.HoldMessages = held;

        var unanswered = client.PostAsync(message);
        await held.Task.WaitAsync(Bound);
        await bot.DisposeAsync();
        connector.HoldMessages = null;
        _ = await Record.ExceptionAsync(() => unanswered.WaitAsync(Bound)); // the dead bot's request ends one way or another

        Assert.Empty(client.RepliesTo(message.Id!));
        Assert.NotEmpty(expected);
        return (expected, client, message.Id!);
    }
}
