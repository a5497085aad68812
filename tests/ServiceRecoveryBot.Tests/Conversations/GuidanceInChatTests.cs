namespace ServiceRecoveryBot.Tests.Conversations;

/// <summary>Guidance in the chat: on request, walked step by step, and mid-case without losing the step.</summary>
public sealed class GuidanceInChatTests
{
    [Fact]
    public async Task A_question_about_a_failure_gets_a_playbook_that_can_be_walked()
    {
        using var bot = new BotHarness();
        var chat = bot.Chat();
        var first = await chat.SayAsync("how do I handle a double charge?");
        Assert.Contains(first, r => r.Contains("Step 1/", StringComparison.Ordinal));
        Assert.Contains(await chat.SayAsync("next"), r => r.Contains("Step 2/", StringComparison.Ordinal));
        Assert.Contains(await chat.SayAsync("back"), r => r.Contains("Step 1/", StringComparison.Ordinal));
        Assert.Empty(bot.Cases.All);
    }

    [Fact]
    public async Task Asking_how_to_apologise_mid_case_answers_and_returns_to_the_same_step()
    {
        using var bot = new BotHarness();
        var chat = bot.Chat();
        await chat.SayAsync("Room service took 50 minutes and the breakfast arrived cold.");
        await chat.SayAsync("1");
        await chat.SayAsync("skip");
        await chat.SayAsync("regular");
        await chat.SayAsync("skip");
        var apologyStep = await chat.SayAsync("1");
        Assert.Contains(apologyStep, r => r.Contains("Apologize", StringComparison.Ordinal));

        var answer = await chat.SayAsync("how do I apologise?");
        Assert.Contains(answer, r => r.Contains("Back to your case", StringComparison.Ordinal));
        Assert.Contains(answer, r => r.Contains("**1. Apologize.**", StringComparison.Ordinal));
        Assert.Null(Assert.Single(bot.Cases.All).Apology);

        Assert.Contains(await chat.SayAsync("done"), r => r.Contains("Listen", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_incident_is_never_taken_for_a_question()
    {
        using var bot = new BotHarness();
        var chat = bot.Chat();
        Assert.Contains(await chat.SayAsync("guest in 12 furious, steak overcooked twice"), r => r.StartsWith("Case SR-", StringComparison.Ordinal));
    }
}
