using Microsoft.Extensions.Options;
using ServiceRecoveryBot.Guidance;
using ServiceRecoveryBot.Recovery.Compensation;
using ServiceRecoveryBot.Recovery.Playbooks;
using ServiceRecoveryBot.Sentiment;
using ServiceRecoveryBot.Tests.Conversations;
using ServiceRecoveryBot.Tests.Guidance;
using ServiceRecoveryBot.Understanding;

namespace ServiceRecoveryBot.Tests.Understanding;

/// <summary>The misses a walkthrough as staff found (issue 21), each read right now, through the seam and in the chat.</summary>
public sealed class IssueFixesTests
{
    private static Understood Words(string text) => TestUnderstanding.Lexical.Understand(text, UnderstandingPurpose.CustomerWords, CancellationToken.None);

    [Fact]
    public void A_threat_to_smash_the_bar_is_a_safety_risk_and_hostile()
    {
        var understood = Words("if you don't serve me I'll smash the bar");
        Assert.True(understood.Has(ToneFlag.SafetyOrHealth));
        Assert.True(understood.Has(ToneFlag.Hostile));
    }

    [Theory]
    [InlineData("his lips are swelling")]
    [InlineData("she's having a reaction to the prawns, her throat feels tight")]
    [InlineData("a mi hijo se le hincha la cara")]
    [InlineData("se me esta hinchando la cara")]
    [InlineData("say that again and i'll knock you out")]
    public void A_quote_about_an_allergic_reaction_raises_safety(string words) =>
        Assert.True(Words(words).Has(ToneFlag.SafetyOrHealth));

    [Theory]
    [InlineData("we board in forty minutes")]
    [InlineData("our flight is at 7am")]
    [InlineData("nuestro vuelo sale en una hora")]
    [InlineData("we have to be at the church by four")]
    [InlineData("lo necesito antes de las ocho")]
    public void Urgency_said_without_the_word_is_urgent(string words) =>
        Assert.True(Words(words).Has(ToneFlag.Urgent));

    [Theory]
    [InlineData("i had such high hopes for tonight")]
    [InlineData("i'm not in a hurry")]
    public void An_evening_hoped_for_or_no_hurry_is_not_urgent(string words) =>
        Assert.False(Words(words).Has(ToneFlag.Urgent));

    [Fact]
    public void What_to_say_to_someone_yelling_is_answered()
    {
        var answer = GuidanceTestService.Instance.Answer("what do I say to someone who's yelling");
        Assert.Equal(GuidanceAnswerKind.KnowledgeEntry, answer.Kind);
        Assert.Equal("angry-customer", answer.EntryId);
    }

    [Fact]
    public void How_much_staff_can_comp_gives_the_configured_amount()
    {
        var guidance = new GuidanceService(RecoveryPlaybook.LoadDefault(), Options.Create(new AuthorityOptions { StaffMaxAmount = 75, StaffMaxLevel = 3, CurrencySymbol = "£" }));
        var answer = guidance.Answer("how much can I comp");
        Assert.Equal(GuidanceAnswerKind.KnowledgeEntry, answer.Kind);
        Assert.Contains("£75", answer.Text, StringComparison.Ordinal);
        Assert.Contains("level 3", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_the_chat_a_Spanish_incident_gets_a_category()
    {
        using var bot = new BotHarness();
        var replies = await bot.Chat().SayAsync("le cobraron dos veces la cena en la tarjeta, mesa 4");
        Assert.Contains(replies, r => r.Contains("billing", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task In_the_chat_an_angry_demand_for_the_manager_reads_negative()
    {
        using var bot = new BotHarness();
        var chat = bot.Chat();
        await chat.SayEachAsync("Room service took 50 minutes and the breakfast arrived cold.", "1", "skip", "regular");
        var replies = await chat.SayAsync("this is how you treat me? I want the manager");

        Assert.Contains(replies, r => r.StartsWith("Tone: ", StringComparison.Ordinal) && r.Contains("negative", StringComparison.Ordinal));
        Assert.True(Assert.Single(Assert.Single(bot.Cases.All).Tones).Compound <= Understood.CalmestComplaint);
    }

    [Fact]
    public async Task In_the_chat_never_staying_again_is_a_churn_risk_not_a_repeat_failure()
    {
        using var bot = new BotHarness();
        var chat = bot.Chat();
        await chat.SayEachAsync("the room smelt of smoke all night", "1", "skip", "regular");
        var replies = await chat.SayAsync("never stay here again");

        Assert.Contains(replies, r => r.StartsWith("Tone: ", StringComparison.Ordinal) && r.Contains("churn risk", StringComparison.Ordinal) && r.Contains("negative", StringComparison.Ordinal));
        Assert.DoesNotContain(replies, r => r.Contains("repeat failure", StringComparison.Ordinal));
    }
}
