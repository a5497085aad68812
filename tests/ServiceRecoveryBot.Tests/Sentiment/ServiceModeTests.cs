using ServiceRecoveryBot.Sentiment;

namespace ServiceRecoveryBot.Tests.Sentiment;

/// <summary>Service mode reads complaints where plain VADER misses them.</summary>
public sealed class ServiceModeTests(LexiconFixture fixture) : IClassFixture<LexiconFixture>
{
    [Theory]
    [InlineData("The breakfast arrived cold.")]
    [InlineData("Please help, we were overcharged.")]
    [InlineData("Fifty minutes for cold eggs. Honestly, don't bother sending anything else.")]
    [InlineData("Your driver never came.")]
    [InlineData("I sat out there in the rain like a parcel. Nobody came out.")]
    [InlineData("We've been waiting for two hours.")]
    [InlineData("I was double charged for the room.")]
    [InlineData("This is the second time, I am never coming back!")]
    [InlineData("Those were my heart tablets for the whole week. Who said they could bin things from my bedside?")]
    [InlineData("I can't believe you lost my suitcase again.")]
    [InlineData("I could not believe it: they lost the booking.")]
    [InlineData("This is going straight on Instagram right now.")]
    public void Complaints_score_negative_in_service_mode(string text)
    {
        Assert.True(fixture.Service.Score(text).Compound <= -0.05, $"service: {fixture.Service.Score(text).Compound}");
        Assert.True(fixture.Service.Score(text).Compound < fixture.Vader.Score(text).Compound);
    }

    [Theory]
    [InlineData("Thank you, the team was wonderful.")]
    [InlineData("The room was lovely and the staff were great!")]
    [InlineData("I can't believe how lovely the staff were.")]
    [InlineData("We went straight to our room and it was lovely.")]
    public void Praise_stays_positive_in_service_mode(string text) => Assert.True(fixture.Service.Score(text).Compound >= 0.05);

    [Fact]
    public void Only_can_t_believe_loses_its_negation_in_service_mode()
    {
        Assert.True(fixture.Service.Score("I don't believe you fixed it.").Compound < 0);
        Assert.True(fixture.Vader.Score("I can't believe you lost my suitcase again.").Compound > 0); // VADER's reach flips "lost"
    }

    [Fact]
    public void Vader_mode_is_left_untouched_by_the_service_layer()
    {
        Assert.Equal(SentimentMode.Vader, fixture.Vader.Mode);
        Assert.True(fixture.Vader.Score("Please help").Compound > 0);
        Assert.Equal(0, fixture.Vader.Score("The breakfast arrived cold.").Compound);
    }
}
