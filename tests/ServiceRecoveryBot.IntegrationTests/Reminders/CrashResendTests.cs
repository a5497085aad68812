using Azure.Data.Tables;
using Microsoft.Extensions.Caching.Memory;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ServiceRecoveryBot.Channels;
using ServiceRecoveryBot.Conversations;
using ServiceRecoveryBot.Conversations.Managers;
using ServiceRecoveryBot.Turns.References;
using ServiceRecoveryBot.IntegrationTests.Infrastructure;
using ServiceRecoveryBot.Operations;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Reminders;
using ServiceRecoveryBot.Storage;
using ServiceRecoveryBot.Testing;

namespace ServiceRecoveryBot.IntegrationTests.Reminders;

/// <summary>
/// The real scheduler and the real reminder handler on Azurite: an instance that dies between claiming a follow-up and
/// sending it leaves its attempt in the case timeline; after the lease expires another instance sends it, as attempt 2.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CrashResendTests(AzuriteFixture azurite)
{
    private sealed class Messenger(bool hang) : IProactiveMessenger
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public List<Activity> Sent { get; } = [];

        public async Task<SendResult> SendAsync(ConversationReference reference, Activity activity, CancellationToken ct)
        {
            Entered.TrySetResult();
            if (hang) await Task.Delay(Timeout.Infinite, ct);
            lock (Sent) Sent.Add(activity);
            return new SendResult(SendOutcome.Delivered, "id");
        }

        public Task<SendResult> UpdateAsync(ConversationReference reference, string activityId, Activity activity, CancellationToken ct) =>
            Task.FromResult(new SendResult(SendOutcome.Delivered, activityId));
    }

    [Fact]
    public async Task A_crash_between_claim_and_send_is_re_sent_after_the_lease_and_the_timeline_shows_both_attempts()
    {
        var due = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(due.AddMinutes(-5));
        var service = new TableServiceClient(azurite.ConnectionString);
        var names = new TableNames(Options.Create(new StorageOptions { TablePrefix = AzuriteFixture.NewTablePrefix() }));
        foreach (var name in names.All) await service.GetTableClient(name).CreateIfNotExistsAsync();
        var cases = new TableCaseStore(service, names, new MemoryCache(new MemoryCacheOptions { SizeLimit = 1 << 20 }), new TableGroupCommit(), Microsoft.Extensions.Logging.Abstractions.NullLogger<TableCaseStore>.Instance);
        var references = new InMemoryConversationReferenceStore();
        await references.UpsertAsync(new StoredReference("team", ReferenceKind.User, null, null, new ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = "https://smba.trafficmanager.net/amer/",
            Conversation = new ConversationAccount { Id = "a:staff" },
            User = new ChannelAccount { Id = "staff-1" },
        }, due), default);
        var opened = RecoveryCase.Open(new CaseId("SR-7K3Q"), "team", "staff-1", "Sam", "Breakfast arrived cold", due.AddDays(-1));
        await cases.TryCreateAsync(opened.AwaitFollowUp(due, due.AddDays(-1), "staff-1"), default);

        var lease = TimeSpan.FromMinutes(2);
        var store = new TableReminderStore(service, names, new TableGroupCommit());
        ReminderScheduler Instance(string id, Messenger messenger) => new(
            store,
            Handler(cases, references, messenger, clock),
            Options.Create(new ReminderOptions { InstanceId = id, LeaseDuration = lease, TickInterval = TimeSpan.FromSeconds(30) }),
            clock,
            NullLogger<ReminderScheduler>.Instance);

        var crashing = new Messenger(hang: true);
        var healthy = new Messenger(hang: false);
        using var a = Instance("a", crashing);
        using var b = Instance("b", healthy);
        await a.ScheduleAsync(new Reminder("fu|SR-7K3Q|1", ReminderKind.FollowUp, "team", "SR-7K3Q", due, "staff-1"), default);
        clock.Advance(TimeSpan.FromMinutes(6));

        using (var dies = new CancellationTokenSource())
        {
            var tick = a.TickAsync(dies.Token);
            await crashing.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
            dies.Cancel();   // the process "dies" after claiming and recording the attempt, before the send completes
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => tick);
        }

        Assert.Equal(0, await b.TickAsync(default));          // still leased to the dead instance
        clock.Advance(lease + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await b.TickAsync(default));

        Assert.Single(healthy.Sent);
        var notes = (await cases.TimelineAsync("team", opened.Id, default)).Where(e => e.Step == CaseStep.ReminderSent).Select(e => e.Note).ToList();
        Assert.Equal(["FollowUp attempt 1: sending", "FollowUp attempt 2: sending", "FollowUp attempt 2: sent to staff"], notes);
    }

    private static RecoveryReminderHandler Handler(ICaseStore cases, IConversationReferenceStore references, IProactiveMessenger messenger, TimeProvider clock)
    {
        var managers = Options.Create(new ManagerOptions());
        var recovery = Options.Create(new RecoveryOptions());
        var channels = new ChannelFacts();
        var directory = new InMemoryTeamDirectory(managers);
        var notifier = new ManagerChannelNotifier(directory, references, messenger);
        var telemetry = new BotTelemetry(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>());
        return new RecoveryReminderHandler(cases, notifier, new CaseFollowThrough(new RecordingReminderScheduler(), notifier, directory, managers, recovery, channels), telemetry, clock, recovery, channels);
    }
}
