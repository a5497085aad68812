using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ServiceRecoveryBot.IntegrationTests.Infrastructure;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Testing;

namespace ServiceRecoveryBot.IntegrationTests.Operations;

/// <summary>
/// The second load generator (issue 28, `converse`) against the real host on a loopback port with Azurite: staff members
/// answering whatever the bot shows take their cases to the end of a recovery, with every turn ending at a reply.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ConverseCommandTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task The_converse_generator_takes_each_staff_member_through_a_whole_recovery_in_a_new_conversation()
    {
        await using var factory = new BotFactory(azurite, AzuriteFixture.NewTablePrefix());
        factory.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        factory.StartServer();
        var url = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        var generator = typeof(ConverseCommandTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "LoadGenerator").Value!;
        Assert.True(File.Exists(generator), $"The load generator is not built at {generator}.");
        var json = Path.Combine(Path.GetTempPath(), $"converse-{Guid.NewGuid():N}.json");
        try
        {
            var run = await ProcessRun.RunAsync("dotnet",
                [generator, "converse", "--url", url, "--conversations", "2", "--recoveries", "2", "--seconds", "90", "--json", json, "--transcript"], Bound);
            var output = run.StandardOutput + run.StandardError;

            Assert.True(run.ExitCode == 0, output);
            var report = JsonNode.Parse(await File.ReadAllTextAsync(json))!;
            Assert.Equal(4, (int)report["recoveries"]!);
            Assert.Equal(0, (int)report["abandoned"]!);
            Assert.Null(report["kinds"]!["Failed"]);
            // Each recovery ended where the bot stopped asking, not at the generator's turn limit: several turns apiece.
            Assert.True((int)report["turns"]! >= 4 * 3, output);
            // Each recovery was a case of its own, from a staff member of its own conversation.
            var cases = await factory.Services.GetRequiredService<ICaseStore>().ListAsync("local", 100, CancellationToken.None);
            Assert.Equal(4, cases.Count);
            Assert.All(cases.GroupBy(c => c.StaffId), staff => Assert.Equal(2, staff.Count()));
        }
        finally
        {
            File.Delete(json);
        }
    }
}
