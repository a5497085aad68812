using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using ServiceRecoveryBot.Storage;

namespace ServiceRecoveryBot.DeploymentTests.Infra;

/// <summary>The Bicep creates the tables up front (the identity gets data rights only), so its list must be the bot's.</summary>
public sealed class InfraTablesTests
{
    [Fact]
    public void The_infrastructure_creates_exactly_the_tables_the_bot_uses()
    {
        var bicep = File.ReadAllText(Path.Combine(RepoPaths.Root, "infra", "main.bicep"));
        var list = Regex.Match(bicep, @"param tableNames string\[\] = \[(?<names>[^\]]*)\]");
        Assert.True(list.Success, "infra/main.bicep has no 'param tableNames string[]' list.");
        var created = Regex.Matches(list.Groups["names"].Value, "'(?<name>[A-Za-z0-9]+)'").Select(m => m.Groups["name"].Value).Order();

        var used = new TableNames(Options.Create(new StorageOptions())).All.Order();

        Assert.Equal(used, created);
    }
}
