using ServiceRecoveryBot.Sentiment;

namespace ServiceRecoveryBot.Tests.Sentiment;

public sealed class ToneLineTests
{
    [Fact]
    public void Shows_the_scale_label_score_flags_and_triggers()
    {
        var tone = new ToneAssessment(-0.82, ToneLabel.Negative, 0, 0.5, 0.5, [],
            [new ToneFlagHit(ToneFlag.ChurnRisk, ["stay somewhere else"])], "local-service");
        Assert.Equal("Tone: ●○○○○ very negative (-0.82) · churn risk (\"stay somewhere else\")", ToneLine.Format(tone));
    }

    [Theory]
    [InlineData(-0.6, 0)]
    [InlineData(-0.3, 1)]
    [InlineData(0.0, 2)]
    [InlineData(0.3, 3)]
    [InlineData(0.9, 4)]
    public void The_scale_has_five_steps(double compound, int step) => Assert.Equal(step, ToneLine.Step(compound));

    [Fact]
    public void Shows_at_most_two_triggers_per_flag_and_criticised_targets()
    {
        var tone = new ToneAssessment(0.1, ToneLabel.Mixed, 0.4, 0.2, 0.4, [],
            [new ToneFlagHit(ToneFlag.PublicComplaint, ["review", "Instagram", "tell everyone"])], "azure-language:2022-10-01")
        {
            Targets = [new OpinionTarget("toilet", ToneLabel.Negative, ["smelly"]), new OpinionTarget("breakfast", ToneLabel.Positive, ["good"])],
        };
        Assert.Equal("Tone: ○○○●○ mixed (+0.10) · public complaint (\"review\", \"Instagram\") · about: toilet", ToneLine.Format(tone));
    }

    [Fact]
    public void Words_not_in_English_say_their_language()
    {
        var tone = new ToneAssessment(-0.34, ToneLabel.Negative, 0, 0.7, 0.3, [], [], "local-service") { Language = "es" };
        Assert.Equal("Tone: ○●○○○ negative (-0.34) · in Spanish", ToneLine.Format(tone));
    }
}
