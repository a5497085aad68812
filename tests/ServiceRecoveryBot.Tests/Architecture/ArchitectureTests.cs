using Mono.Cecil;

namespace ServiceRecoveryBot.Tests.Architecture;

/// <summary>
/// Arrows run Channels -> Turns -> Conversations -> Recovery / Understanding / Guidance / Sentiment, and only
/// composition names Storage; the same rules run on a small bad fixture to show they catch an arrow that runs back.
/// </summary>
public sealed class ArchitectureTests
{
    [Fact]
    public void Arrows_between_the_bots_folders_run_one_way()
    {
        using var bot = ModuleDefinition.ReadModule(typeof(Program).Assembly.Location);

        var violations = ArchitectureRules.Check(bot, "ServiceRecoveryBot");

        Assert.True(violations.Count == 0, "Arrows that run back:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void An_arrow_that_runs_back_is_reported_with_the_rule_it_breaks()
    {
        using var tests = ModuleDefinition.ReadModule(typeof(ArchitectureTests).Assembly.Location);
        const string fixture = "ServiceRecoveryBot.Tests.Architecture.Fixture";

        var violations = ArchitectureRules.Check(tests, fixture);

        Assert.Equal(
            [
                $"{fixture}.Channels.Endpoint -> {fixture}.Storage.TableStore (Channels must not use Storage)",
                $"{fixture}.Conversations.Bot -> {fixture}.Channels.Card (Conversations must not use Channels)",
                $"{fixture}.Conversations.Dialog -> {fixture}.Turns.Processor (Conversations must not use the Turns runtime)",
                $"{fixture}.Operations.HealthProbe -> Azure.Data.Tables.TableServiceClient (only Storage uses Azure.Data.Tables)",
                $"{fixture}.Recovery.Case -> ServiceRecoveryBot.Protocol.Activity (Recovery uses no ServiceRecoveryBot.Protocol)",
                $"{fixture}.Recovery.Case -> {fixture}.Channels.Card (Recovery must not use Channels)",
            ],
            violations);
    }
}
