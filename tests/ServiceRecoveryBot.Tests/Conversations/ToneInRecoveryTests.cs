using ServiceRecoveryBot.Recovery.Playbooks;

namespace ServiceRecoveryBot.Tests.Conversations;

/// <summary>The customer's words are scored, shown in one line, and shape severity, apology and attention.</summary>
public sealed class ToneInRecoveryTests
{
    [Fact]
    public async Task The_tone_of_the_customers_words_is_shown_and_recorded()
    {
        using var bot = new BotHarness();
        var chat = bot.Chat();
        await chat.SayEachAsync("Room service took 50 minutes and the breakfast arrived cold.", "1", "skip", "regular");
        var replies = await chat.SayAsync("This is the worst service ever. I'm never staying here again.");

        Assert.Contains(replies, r => r.StartsWith("Tone: ", StringComparison.Ordinal) && r.Contains("churn risk", StringComparison.Ordinal));
        var reading = Assert.Single(Assert.Single(bot.Cases.All).Tones);
        Assert.True(reading.Compound < -0.3);
        Assert.Contains("ChurnRisk", reading.Flags);
    }

    [Fact]
    public async Task A_safety_flag_marks_the_case_for_a_manager_and_puts_safety_first_in_the_apology()
    {
        using var bot = new BotHarness();
        var chat = bot.Chat();
        await chat.SayEachAsync("Wrong dish served at table 4", "1", "regular", "I told you I have a nut allergy, I could have ended up in hospital!");
        var apology = await chat.SayAsync("1");

        Assert.True(Assert.Single(bot.Cases.All).NeedsManagerAttention);
        Assert.Contains(apology, r => r.Contains(ApologyWording.SafetyFirst, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_public_complaint_raises_the_suggested_severity()
    {
        using var bot = new BotHarness();
        var chat = bot.Chat();
        await chat.SayEachAsync("Drinks took 15 minutes at table 9", "1", "new");
        var severity = await chat.SayAsync("Slowest bar in town. I'm going to post about this on Facebook.");

        Assert.Contains(severity, r => r.Contains("public complaint", StringComparison.Ordinal));
        Assert.Contains(severity, r => r.Contains("S3 major (suggested)", StringComparison.Ordinal) || r.Contains("**S3 major**", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Very_negative_words_from_a_vip_need_a_manager_and_anger_is_acknowledged_first()
    {
        using var bot = new BotHarness();
        var chat = bot.Chat();
        await chat.SayEachAsync("VIP in suite 1801, room not cleaned all day", "1", "This is disgusting, appalling, the worst hotel I have ever stayed in. Absolutely horrible!");
        var apology = await chat.SayAsync("1");

        Assert.True(Assert.Single(bot.Cases.All).NeedsManagerAttention);
        Assert.Contains(apology, r => r.Contains(ApologyWording.AngerAcknowledged, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_guests_Spanish_is_read_in_Spanish_and_the_apology_comes_with_a_sorry_in_Spanish()
    {
        using var bot = new BotHarness();
        var chat = bot.Chat();
        await chat.SayEachAsync("Guest in 214 says no hot water in the shower", "1", "regular");
        var severity = await chat.SayAsync("¡Es el tercer día sin agua caliente y nadie me hace caso!");

        Assert.Contains(severity, r => r.StartsWith("Tone: ", StringComparison.Ordinal) && r.Contains("negative", StringComparison.Ordinal) && r.Contains("in Spanish", StringComparison.Ordinal));
        Assert.Contains(severity, r => r.Contains("repeat failure (\"tercer\")", StringComparison.Ordinal));
        var apology = await chat.SayAsync("1");

        Assert.Contains(apology, r => r.Contains("In Spanish: _Lo siento mucho", StringComparison.Ordinal));
        await chat.SayEachAsync("done", "skip", "1", "1", "skip", "ok");
        var reading = Assert.Single(Assert.Single(bot.Cases.All).Tones);
        Assert.Equal("es", reading.Language);
        Assert.True(reading.Compound < 0);
    }

    [Fact]
    public async Task Words_the_bot_cannot_read_say_so_and_the_apology_still_offers_their_language()
    {
        using var bot = new BotHarness();
        var chat = bot.Chat();
        await chat.SayEachAsync("Guest in 301 says the room was not cleaned", "1", "regular");
        var severity = await chat.SayAsync("La chambre n'a pas été nettoyée et personne ne répond à la réception.");

        Assert.Contains(severity, r => r.Contains("Tone: not scored, the words look French", StringComparison.Ordinal));
        var apology = await chat.SayAsync("1");

        Assert.Contains(apology, r => r.Contains("In French: _Je suis vraiment désolé", StringComparison.Ordinal));
        await chat.SayEachAsync("done", "skip", "1", "1", "skip", "ok");
        Assert.False(Assert.Single(Assert.Single(bot.Cases.All).Tones).Scored);
    }
}
