using System.Reflection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ServiceRecoveryBot.IntegrationTests.Infrastructure;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Testing;

namespace ServiceRecoveryBot.IntegrationTests.Operations;

/// <summary>
/// The load command (issue 2) against the real host on a loopback port with Azurite: a few conversations through whole
/// recoveries, so a change to the dialog that its scripted answers no longer fit fails here rather than in a load run.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LoadCommandTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task The_load_command_takes_conversations_through_whole_recoveries_with_no_failures()
    {
        await using var factory = new BotFactory(azurite, AzuriteFixture.NewTablePrefix(), new Dictionary<string, string?> { ["Recovery:Walk"] = "Quick" });
        factory.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        factory.StartServer();
        var url = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        var generator = typeof(LoadCommandTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "LoadGenerator").Value!;
        Assert.True(File.Exists(generator), $"The load generator is not built at {generator}.");

        var run = await ProcessRun.RunAsync("dotnet", [generator, "load", "--url", url, "--conversations", "3", "--recoveries", "2", "--warmup", "1"], Bound);
        var output = run.StandardOutput + run.StandardError;

        Assert.True(run.ExitCode == 0, output);
        Assert.Contains("warm-up: 6 turns, 0 failures", output);
        Assert.Contains("mode=closed-loop turns=12 failures=0", output);
        Assert.Contains("turns from first message to logged case: median 2 (min 2, max 2), 0 of 6 not logged", output);
        // Every scripted recovery reached its end: 3 staff members x 3 recoveries, each case waiting for its follow-up.
        var cases = await factory.Services.GetRequiredService<ICaseStore>().ListAsync("local", 100, CancellationToken.None);
        Assert.Equal(9, cases.Count);
        Assert.All(cases, c => Assert.Equal(CaseStatus.AwaitingFollowUp, c.Status));
        Assert.All(cases.GroupBy(c => c.StaffId), staff => Assert.Equal(3, staff.Count()));
    }
}
