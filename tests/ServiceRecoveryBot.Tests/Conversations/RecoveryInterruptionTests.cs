using ServiceRecoveryBot.Conversations;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Text;

namespace ServiceRecoveryBot.Tests.Conversations;

/// <summary>"back", "status", "pause" and "resume" in the middle of a recovery, through the real pipeline.</summary>
public sealed class RecoveryInterruptionTests
{
    private const string Incident = "Guest at table 12 is furious: steak overcooked twice";

    [Fact]
    public async Task Back_re_asks_the_previous_question_and_the_new_answer_replaces_the_old()
    {
        using var bot = new BotHarness();
        var chat = bot.Chat();
        await chat.SayEachAsync(Incident, "1");
        Assert.Contains(await chat.SayAsync("vip"), r => r.Contains(Replies.English.AskCustomerWords, StringComparison.Ordinal));

        Assert.Contains(await chat.SayAsync("back"), r => r.Contains(Replies.English.AskTier, StringComparison.Ordinal));
        Assert.Contains(await chat.SayAsync("regular"), r => r.Contains(Replies.English.AskCustomerWords, StringComparison.Ordinal));

        await FinishAsync(chat, "Twice now. Unbelievable.");
        Assert.Equal(CustomerTier.Regular, Assert.Single(bot.Cases.All).Customer!.Tier);
    }

    [Fact]
    public async Task Back_from_severity_takes_new_words_and_reads_their_tone_again()
    {
        using var bot = new BotHarness();
        var chat = bot.Chat();
        await AnswerUpToSeverityAsync(chat, "It's fine, these things happen.");

        Assert.Contains(await chat.SayAsync("back"), r => r.Contains(Replies.English.AskCustomerWords, StringComparison.Ordinal));
        var reread = await chat.SayAsync("This is disgusting, I'm never coming back.");

        Assert.Contains(reread, r => r.StartsWith("Tone:", StringComparison.Ordinal) && r.Contains("negative", StringComparison.Ordinal));
        Assert.Contains(reread, r => r.StartsWith("Severity", StringComparison.Ordinal));
        await FinishAsync(chat);
        var stored = Assert.Single(bot.Cases.All);
        Assert.Equal("This is disgusting, I'm never coming back.", stored.CustomerWords);
        Assert.True(stored.Tones[^1].Compound < 0);
    }

    [Fact]
    public async Task Back_on_an_answered_step_of_the_recovery_asks_it_again_then_goes_on_where_it_was()
    {
        using var bot = new BotHarness();
        var chat = bot.Chat();
        await chat.SayEachAsync(Incident, "1", "regular", "skip", "1", "done", "skip");
        Assert.Contains(await chat.SayAsync("1"), r => r.Contains("Atonement", StringComparison.Ordinal));

        Assert.Contains(await chat.SayAsync("back"), r => r.Contains("Fair fix", StringComparison.Ordinal));
        Assert.Contains(await chat.SayAsync("Cooked a new steak and took it off the bill"), r => r.Contains("Atonement", StringComparison.Ordinal));

        await chat.SayEachAsync("1", "skip", "ok");
        Assert.Equal("Cooked a new steak and took it off the bill", Assert.Single(bot.Cases.All).FixDone);
    }

    [Fact]
    public async Task An_answer_the_bot_does_not_understand_gets_a_one_line_hint_and_the_same_options_and_the_case_goes_on()
    {
        using var bot = new BotHarness();
        var chat = bot.Chat();
        await AnswerUpToSeverityAsync(chat, "Twice!");

        var hint = Assert.Single(await chat.SayAsync("the customer is waiting"));
        Assert.StartsWith("Sorry, I didn't catch that. Tap one, or type its number (1-4).", hint, StringComparison.Ordinal);
        Assert.Contains("(suggested)", hint, StringComparison.Ordinal);
        Assert.Contains(await chat.SayAsync("1"), r => r.Contains("Apologize", StringComparison.Ordinal));

        await chat.SayEachAsync("done", "skip", "1", "1");
        Assert.Contains(await chat.SayAsync("skip"), r => r.Contains("Follow up", StringComparison.Ordinal));
        var when = Assert.Single(await chat.SayAsync("whenever"));
        Assert.StartsWith(Replies.English.FollowUpRetry, when, StringComparison.Ordinal);
        Assert.Contains("(default)", when, StringComparison.Ordinal);
        await chat.SayAsync("ok");
        Assert.Equal(CaseStatus.AwaitingFollowUp, Assert.Single(bot.Cases.All).Status);
    }

    [Fact]
    public async Task Status_names_the_question_being_asked()
    {
        using var bot = new BotHarness();
        var chat = bot.Chat();
        await chat.SayEachAsync(Incident, "1");
        Assert.Contains(await chat.SayAsync("status"), r => r.Contains("We're at: the customer.", StringComparison.Ordinal));

        await chat.SayEachAsync("regular", "Twice!");
        Assert.Contains(await chat.SayAsync("status"), r => r.Contains("We're at: severity.", StringComparison.Ordinal));

        await chat.SayAsync("1");
        Assert.Contains(await chat.SayAsync("status"), r => r.Contains("We're at: 1 apologize.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Resume_alone_picks_up_the_one_paused_case_where_it_stopped()
    {
        using var bot = new BotHarness();
        var chat = bot.Chat();
        await chat.SayEachAsync(Incident, "1", "regular", "Twice!");
        var paused = await chat.SayAsync("pause");
        var id = Assert.Single(bot.Cases.All).Id;
        Assert.Contains(paused, r => r.Contains($"Paused {id}", StringComparison.Ordinal));

        var resumed = await chat.SayAsync("resume");

        Assert.Contains(resumed, r => r.Contains(id.Value, StringComparison.Ordinal));
        Assert.Contains(resumed, r => r.StartsWith("Severity", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Resume_alone_with_several_paused_cases_lists_them_to_pick_from()
    {
        using var bot = new BotHarness();
        var chat = bot.Chat();
        await chat.SayEachAsync(Incident, "1", "pause", "Booking lost for the Okafor couple", "1", "pause");

        var reply = Assert.Single(await chat.SayAsync("resume"));

        Assert.StartsWith("Which one?", reply, StringComparison.Ordinal);
        Assert.All(bot.Cases.All, c => Assert.Contains(c.Id.Value, reply, StringComparison.Ordinal));
    }

    /// <summary>From the customer's words (or the severity question) to the summary, accepting every suggestion.</summary>
    private static async Task FinishAsync(Testing.ChatDriver chat, string? words = null)
    {
        if (words is not null) await chat.SayAsync(words);
        await chat.SayEachAsync("1", "done", "skip", "1", "1", "skip", "ok");
    }

    /// <summary>Opens the incident and answers up to the severity question, which the customer's words lead to.</summary>
    private static async Task AnswerUpToSeverityAsync(Testing.ChatDriver chat, string customerWords)
    {
        await chat.SayEachAsync(Incident, "1", "regular");
        Assert.Contains(await chat.SayAsync(customerWords), r => r.StartsWith("Severity", StringComparison.Ordinal));
    }
}
