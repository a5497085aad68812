using System.Collections.Concurrent;
using System.Net;
using ServiceRecoveryBot.IntegrationTests.Infrastructure;

namespace ServiceRecoveryBot.IntegrationTests.Http;

/// <summary>
/// The fault harness's fuzz run, in the suite: 5,000 hostile requests generated from <see cref="HostileActivities"/>
/// (one to three changes each, seeded, 8 at a time) at 20 conversations through the real host on Azurite. None may
/// answer 5xx or take over 10 s, and every conversation answers a normal message afterwards.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FuzzRunTests(AzuriteFixture azurite) : BotHostTest(azurite)
{
    public const int Requests = 5_000;
    private const int Conversations = 20;
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Five_thousand_hostile_requests_give_no_5xx_no_hang_and_leave_every_conversation_answering()
    {
        var random = new Random(23);
        var clients = Enumerable.Range(0, Conversations).Select(i => new BotClient(Http, Connector, $"a:fuzz-{i}")).ToArray();
        // The 1 MB bodies are a few, not a fifth of the run: they prove the limit, not the fuzzing.
        var light = HostileActivities.All.Where(c => !c.Name.Contains("over", StringComparison.Ordinal)).ToArray();
        var heavy = HostileActivities.All.Except(light).ToArray();
        var bodies = Enumerable.Range(0, Requests).Select(i =>
        {
            var client = clients[random.Next(Conversations)];
            var pool = i % 250 == 0 ? heavy : light;
            var changes = Enumerable.Range(0, random.Next(1, 4)).Select(_ => pool[random.Next(pool.Length)]).Distinct().ToArray();
            return HostileActivities.Apply(client.Message(random.Next(3) switch { 0 => "help", 1 => "Guest in 12 furious", _ => "status" }), changes);
        }).ToArray();

        var statuses = new ConcurrentDictionary<int, int>();
        var hangs = 0;
        await Parallel.ForEachAsync(bodies, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (body, _) =>
        {
            using var timeout = new CancellationTokenSource(Hang);
            try
            {
                using var response = await Http.PostAsync("/api/messages", HostileActivities.Content(body), timeout.Token);
                statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                Interlocked.Increment(ref hangs);
            }
        });

        Assert.Equal(0, hangs);
        Assert.Equal(Requests, statuses.Values.Sum());
        Assert.DoesNotContain(statuses.Keys, status => status >= 500);
        Assert.All(statuses.Keys, status => Assert.Contains(status, new[] { 400, 413 }));
        Assert.Empty(Connector.Received);
        foreach (var client in clients) Assert.NotEmpty(await client.SayAsync("help"));
        Assert.True(statuses.GetValueOrDefault((int)HttpStatusCode.RequestEntityTooLarge) > 0, "the run held no body over the limit");
    }
}
