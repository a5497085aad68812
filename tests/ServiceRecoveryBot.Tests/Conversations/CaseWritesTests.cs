using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Testing;

namespace ServiceRecoveryBot.Tests.Conversations;

/// <summary>
/// The case row is written when others need it (opening, a flagged tone, a pending approval, the end); other answers
/// live in the conversation state, which is committed every turn, so a typical turn costs one storage write.
/// </summary>
public sealed class CaseWritesTests
{
    [Fact]
    public async Task Unflagged_words_and_an_atonement_within_authority_are_published_with_the_end_of_the_case()
    {
        using var bot = new BotHarness();
        var chat = bot.Chat();
        await chat.SayAsync("Room service to 1207 took 50 minutes and the breakfast arrived cold.");
        var opened = Assert.Single(bot.Cases.All);
        await chat.SayEachAsync("1", "skip", "regular", "Fifty minutes for cold eggs.", "1", "done", "skip", "1");

        var stored = Assert.Single(bot.Cases.All);
        Assert.Equal(opened.Revision, stored.Revision);
        Assert.Empty(stored.Tones);

        await chat.SayEachAsync("1", "skip", "ok");

        var done = Assert.Single(bot.Cases.All);
        Assert.Equal(CaseStatus.AwaitingFollowUp, done.Status);
        Assert.Single(done.Tones);
        Assert.NotNull(done.Atonement);
        Assert.Contains(done.Timeline, e => e.Step == CaseStep.AtonementOffered);
    }

    [Fact]
    public async Task A_flagged_tone_is_published_at_once()
    {
        using var bot = new BotHarness();
        var chat = bot.Chat();
        await chat.SayEachAsync("Room service to 1207 took 50 minutes and the breakfast arrived cold.", "1", "skip", "regular",
            "I'm posting this on TripAdvisor tonight.");

        var stored = Assert.Single(bot.Cases.All);
        Assert.Contains(Assert.Single(stored.Tones).Flags, f => f == "PublicComplaint");
    }

    [Fact]
    public async Task A_case_that_took_the_same_id_meanwhile_is_never_saved_over()
    {
        using var bot = new BotHarness();
        RecoveryCase? other = null;
        bot.Cases.Reserved += (team, id) =>
        {
            // Another writer puts a different case on the first id reserved, after the reservation (as only a lost
            // reservation would allow).
            if (other is not null) return;
            other = RecoveryCase.Open(id, team, "staff-9", "Alex", "Lost luggage at the front desk", bot.Clock.GetUtcNow());
            Assert.True(bot.Cases.TryCreateAsync(other, CancellationToken.None).Result);
        };
        var chat = bot.Chat();

        await chat.SayEachAsync(RecoveryScript.UpToTheClose);
        var summary = await chat.SayAsync("ok");

        Assert.Contains(summary, reply => reply.Contains(other!.Id.Value, StringComparison.Ordinal));
        var stored = Assert.Single(bot.Cases.All);
        Assert.Same(other, stored);
    }
}
