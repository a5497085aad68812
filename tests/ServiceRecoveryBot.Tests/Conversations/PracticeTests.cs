using ServiceRecoveryBot.Conversations.Practice;

namespace ServiceRecoveryBot.Tests.Conversations;

/// <summary>Practice mode: a hard made-up case, feedback on what staff would say first, nothing saved.</summary>
public sealed class PracticeTests
{
    [Fact]
    public async Task Practice_gives_a_hard_case_and_saves_nothing()
    {
        using var bot = new BotHarness();

        var scenario = await bot.Chat().SayAsync("Practice mode — give me a hard one.");

        var text = Assert.Single(scenario);
        Assert.StartsWith("**Practice**", text, StringComparison.Ordinal);
        Assert.Contains(PracticeScenarios.LoadDefault().All, s => text.Contains(s.CustomerWords, StringComparison.Ordinal));
        Assert.Contains("What do you say first?", text, StringComparison.Ordinal);
        Assert.Empty(bot.Cases.All);
    }

    [Fact]
    public async Task A_sorry_with_an_excuse_is_told_what_to_drop_and_what_to_add()
    {
        using var bot = new BotHarness();
        var chat = bot.Chat();
        await chat.SayAsync("practice");

        var feedback = Assert.Single(await chat.SayAsync("Sorry, but that's our policy."));

        Assert.Contains("✓ You said sorry.", feedback, StringComparison.Ordinal);
        Assert.Contains("✗ Avoid \"policy\"", feedback, StringComparison.Ordinal);
        Assert.Contains("✗ Avoid \"but\"", feedback, StringComparison.Ordinal);
        Assert.Contains("• Say what you'll do next", feedback, StringComparison.Ordinal);
        Assert.Contains("The playbook would say:", feedback, StringComparison.Ordinal);
        Assert.Empty(bot.Cases.All);
    }

    [Fact]
    public async Task A_full_answer_is_a_strong_start_and_the_next_practice_is_another_case()
    {
        using var bot = new BotHarness();
        var chat = bot.Chat();
        var first = Assert.Single(await chat.SayAsync("practice"));

        var feedback = Assert.Single(await chat.SayAsync("I'm so sorry, I can see how upsetting this is. Let me sort it out right now."));
        var second = Assert.Single(await chat.SayAsync("practice"));

        Assert.StartsWith("Strong start.", feedback, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task A_real_incident_after_practice_opens_a_real_case()
    {
        using var bot = new BotHarness();
        var chat = bot.Chat();
        await chat.SayEachAsync("practice", "Sorry about that.");

        var opened = await chat.SayAsync("guest in 12 furious, steak overcooked twice");

        Assert.Contains(opened, r => r.StartsWith("Case SR-", StringComparison.Ordinal));
        Assert.Single(bot.Cases.All);
    }

    [Fact]
    public void Every_scenario_has_its_words_and_a_tip()
    {
        var all = PracticeScenarios.LoadDefault().All;

        Assert.True(all.Count >= 10);
        Assert.All(all, s => Assert.False(string.IsNullOrWhiteSpace(s.CustomerWords) || string.IsNullOrWhiteSpace(s.WatchFor)));
        Assert.Equal(all.Count, all.Select(s => s.Id).Distinct().Count());
    }
}
