using Azure.Data.Tables;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using ServiceRecoveryBot.Turns.Effects;
using ServiceRecoveryBot.IntegrationTests.Http;
using ServiceRecoveryBot.IntegrationTests.Infrastructure;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Storage;

namespace ServiceRecoveryBot.IntegrationTests.Turns;

/// <summary>
/// A turn's effects are committed with its state, so a bot that dies between the commit and the effects loses none:
/// through the real host and Azurite, the restarted bot runs them when the channel redelivers the activity, or on its
/// sweep of the state table; and after a clean shutdown no state holds effects that ran.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EffectsAfterCrashTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private static readonly Dictionary<string, string?> ReplayAtOnce = new() { ["Effects:ReplayAfter"] = "00:00:00" };
    private const string Opening = "Guest in 12 furious, steak overcooked twice";

    [Fact]
    public async Task Effects_a_crash_cut_short_run_when_the_channel_redelivers_the_activity_to_the_restarted_bot()
    {
        await using var connector = await LoopbackConnector.StartAsync();
        var prefix = AzuriteFixture.NewTablePrefix();
        var crash = await CrashWhileStoringTheCaseAsync(prefix, connector, "a:crash-redelivery");

        await using var restarted = new BotFactory(azurite, prefix, ReplayAtOnce);
        var redelivered = await new BotClient(restarted.CreateClient(), connector, "a:crash-redelivery").PostAsync(crash.Opening);

        redelivered.EnsureSuccessStatusCode();
        var stored = await restarted.Services.GetRequiredService<ICaseStore>().FindAsync("local", crash.Opened.Id, CancellationToken.None);
        Assert.Equal(Opening, stored?.WhatHappened);
        Assert.Contains(await restarted.Services.GetRequiredService<ICaseStore>().ListAsync("local", 10, CancellationToken.None), c => c.Id == crash.Opened.Id);
        await crash.EndAsync();
    }

    [Fact]
    public async Task Effects_a_crash_cut_short_run_on_the_restarted_bots_sweep_when_nobody_writes_again()
    {
        await using var connector = await LoopbackConnector.StartAsync();
        var prefix = AzuriteFixture.NewTablePrefix();
        var crash = await CrashWhileStoringTheCaseAsync(prefix, connector, "a:crash-sweep");

        await using var restarted = new BotFactory(azurite, prefix, ReplayAtOnce);
        _ = restarted.Services; // starts the host, and with it the start-up sweep
        await restarted.Services.GetRequiredService<ServiceRecoveryBot.Turns.Outbox>().SweepAsync(CancellationToken.None).WaitAsync(Bound);

        var stored = await restarted.Services.GetRequiredService<ICaseStore>().FindAsync("local", crash.Opened.Id, CancellationToken.None);
        Assert.Equal(Opening, stored?.WhatHappened);
        await crash.EndAsync();
    }

    [Fact]
    public async Task Effects_that_ran_stay_in_the_state_until_a_clean_shutdown_drops_them()
    {
        await using var connector = await LoopbackConnector.StartAsync();
        var prefix = AzuriteFixture.NewTablePrefix();
        var factory = new BotFactory(azurite, prefix);
        await new BotClient(factory.CreateClient(), connector, "a:clean-shutdown").SayAsync(Opening);
        var states = new TableServiceClient(azurite.ConnectionString).GetTableClient(prefix + "DialogState");

        Assert.Equal(1, await PendingCountAsync(states));
        await factory.DisposeAsync();

        Assert.Equal(0, await PendingCountAsync(states));
        Assert.Single(await states.QueryAsync<TableEntity>(select: ["PendingEffects"]).ToListAsync());
    }

    /// <summary>
    /// A bot whose case store stalls when asked to store a case, as a process that dies right then: the opening message
    /// is committed, its case never stored, and the channel never gets its answer.
    /// </summary>
    private async Task<Crash> CrashWhileStoringTheCaseAsync(string prefix, LoopbackConnector connector, string conversationId)
    {
        var stalled = new TaskCompletionSource<RecoveryCase>(TaskCreationOptions.RunContinuationsAsynchronously);
        var bot = new BotFactory(azurite, prefix).WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TableCaseStore>();
            services.AddSingleton<ICaseStore>(provider => new StallingCaseStore(provider.GetRequiredService<TableCaseStore>(), stalled));
        }));
        var client = new BotClient(bot.CreateClient(), connector, conversationId);
        var opening = client.Message(Opening);
        var unanswered = client.PostAsync(opening);
        return new Crash(bot, opening, await stalled.Task.WaitAsync(Bound), unanswered);
    }

    private sealed record Crash(WebApplicationFactory<Program> Bot, Activity Opening, RecoveryCase Opened, Task<HttpResponseMessage> Unanswered)
    {
        /// <summary>Takes the dead bot away; its unanswered request fails.</summary>
        public async Task EndAsync()
        {
            await Bot.DisposeAsync();
            await Assert.ThrowsAnyAsync<Exception>(() => Unanswered.WaitAsync(Bound));
        }
    }

    private static async Task<int> PendingCountAsync(TableClient states) =>
        (await states.QueryAsync<TableEntity>(filter: "PendingEffects eq true").ToListAsync()).Count;

    private sealed class StallingCaseStore(ICaseStore inner, TaskCompletionSource<RecoveryCase> stalled) : ICaseStore
    {
        public Task<bool> TryReserveAsync(string teamKey, CaseId id, CancellationToken ct) => inner.TryReserveAsync(teamKey, id, ct);

        public async Task<bool> TryCreateAsync(RecoveryCase recoveryCase, CancellationToken ct)
        {
            stalled.TrySetResult(recoveryCase);
            await Task.Delay(Timeout.Infinite, ct);
            return false;
        }

        public Task SaveAsync(RecoveryCase recoveryCase, CancellationToken ct) => TryCreateAsync(recoveryCase, ct);

        public Task<RecoveryCase?> FindAsync(string teamKey, CaseId id, CancellationToken ct) => inner.FindAsync(teamKey, id, ct);

        public Task<IReadOnlyList<CaseSummary>> ListAsync(string teamKey, int max, CancellationToken ct) => inner.ListAsync(teamKey, max, ct);

        public Task<IReadOnlyList<CaseEvent>> TimelineAsync(string teamKey, CaseId id, CancellationToken ct) => inner.TimelineAsync(teamKey, id, ct);
    }
}
