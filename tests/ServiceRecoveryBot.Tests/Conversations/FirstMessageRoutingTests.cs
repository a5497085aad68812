using ServiceRecoveryBot.Conversations;
using ServiceRecoveryBot.Recovery.Cases;
using Xunit.Abstractions;
using ServiceRecoveryBot.Text;

namespace ServiceRecoveryBot.Tests.Conversations;

/// <summary>
/// Issue 22 points 6-7: a first message opens a case only when it reads as an incident. The labelled set
/// (FirstMessages/first-messages.tsv, written as staff write, some Spanish, with a held-back split) is run through
/// the real pipeline, and the misroutes are printed and bounded.
/// </summary>
public sealed class FirstMessageRoutingTests(ITestOutputHelper output)
{
    private static BotHarness Quick() => new(new Dictionary<string, string?> { ["Recovery:Walk"] = "Quick" });

    public sealed record Labelled(string Kind, string Split, string Text);

    public static IReadOnlyList<Labelled> Set() =>
        [.. File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Conversations", "FirstMessages", "first-messages.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(f => new Labelled(f[0], f[1], f[2]))];

    [Fact]
    public void The_labelled_set_has_at_least_150_first_messages_of_every_kind_with_a_held_back_split()
    {
        var set = Set();
        Assert.True(set.Count >= 150, $"{set.Count} messages");
        foreach (var kind in new[] { "incident", "question", "command", "smalltalk", "junk", "threat" })
            Assert.Contains(set, m => m.Kind == kind && m.Split == "heldout");
    }

    [Theory]
    [InlineData("train")]
    [InlineData("heldout")]
    public async Task Non_incidents_open_no_case_and_incidents_open_one(string split)
    {
        var wrong = new List<string>();
        var messages = Set().Where(m => m.Split == split).ToList();
        int nonIncidents = 0, nonIncidentsOpened = 0, incidents = 0, incidentsMissed = 0, threats = 0, threatsApologised = 0;
        foreach (var m in messages)
        {
            using var bot = Quick();
            var replies = await bot.Chat().SayAsync(m.Text);
            var opened = bot.Cases.All.Count > 0;
            switch (m.Kind)
            {
                case "incident":
                    incidents++;
                    if (!opened || !replies.Any(r => r.Contains("Say this now", StringComparison.Ordinal)))
                    {
                        incidentsMissed++;
                        wrong.Add($"incident opened no case: {m.Text}");
                    }
                    break;
                case "threat":
                    threats++;
                    if (replies.Any(r => r.Contains("Say this now", StringComparison.Ordinal)) || !replies.Any(r => r.Contains(Replies.English.SafetyHeading, StringComparison.Ordinal)))
                    {
                        threatsApologised++;
                        wrong.Add($"threat not routed to safety: {m.Text}");
                    }
                    break;
                default:
                    nonIncidents++;
                    if (opened) { nonIncidentsOpened++; wrong.Add($"{m.Kind} opened a case: {m.Text}"); }
                    break;
            }
        }
        output.WriteLine($"{split}: {nonIncidentsOpened} of {nonIncidents} non-incidents opened a case; {incidentsMissed} of {incidents} incidents opened none; " +
            $"{threatsApologised} of {threats} threats not routed to safety");
        foreach (var line in wrong) output.WriteLine("  " + line);

        // The training split is what the rules were written against; the held-back split shows how they generalise.
        var allowed = split == "train" ? 0 : 2;
        Assert.True(nonIncidentsOpened <= allowed && incidentsMissed <= allowed && threatsApologised == 0, string.Join("\n", wrong));
    }
}
