using ServiceRecoveryBot.Channels.Cards;
using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Tests.Channels.Cards;

/// <summary>The tone fact on the cards managers get: score, the words' language, flags; or that the words were not scored.</summary>
public sealed class ManagerCardToneTests
{
    private static readonly DateTimeOffset Opened = new(2026, 11, 23, 19, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_reading_of_Spanish_words_says_so()
    {
        var tone = new ToneReading(-0.34, "Negative", ["Urgent"], Opened, "es");

        Assert.Equal("Negative (-0.34) · in Spanish · Urgent", ToneFact(tone));
    }

    [Fact]
    public void Words_that_could_not_be_scored_show_no_score()
    {
        var tone = new ToneReading(0, "Neutral", ["PublicComplaint"], Opened, "fr", Scored: false);

        Assert.Equal("not scored (French) · PublicComplaint", ToneFact(tone));
    }

    [Fact]
    public void An_English_reading_shows_score_and_flags_only()
    {
        var tone = new ToneReading(-0.82, "Negative", ["ChurnRisk"], Opened, "en");

        Assert.Equal("Negative (-0.82) · ChurnRisk", ToneFact(tone));
    }

    private static string ToneFact(ToneReading tone)
    {
        var c = RecoveryCase.Open(new CaseId("SR-7K3Q"), "local", "staff-1", "Sam", "No hot water, third day", Opened) with { Tones = [tone] };
        return AdaptiveCardAssert.Facts(AdaptiveCardAssert.IsValidCard(Assert.Single(ManagerCards.Escalation(c, "very negative guest").Attachments!)))["Tone"];
    }
}
