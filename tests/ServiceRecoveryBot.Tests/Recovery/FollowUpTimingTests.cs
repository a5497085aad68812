using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Tests.Recovery;

/// <summary>A deadline the customer mentioned, read from the story of the case, in the team's zone.</summary>
public sealed class FollowUpTimingTests
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Theory]
    [InlineData("All my work clothes are in there and I'm presenting at nine tomorrow morning.", "2026-12-07T14:00", "2026-12-08T09:00")]
    [InlineData("guest has a flight at 6pm and the shirt is still at the laundry", "2026-12-07T10:00", "2026-12-07T18:00")]
    [InlineData("they're checking out by 11 and the bill is wrong", "2026-12-07T08:00", "2026-12-07T11:00")]
    [InlineData("they need it by 7 tonight for the party", "2026-12-07T12:00", "2026-12-07T19:00")]
    [InlineData("tomorrow wedding at 2:30pm, dress not pressed", "2026-12-07T20:00", "2026-12-08T14:30")]
    public void A_deadline_the_customer_mentioned_is_read_with_its_day_and_time(string story, string now, string due)
    {
        var at = FollowUpTiming.DeadlineIn(story, Local(now), Zone);

        Assert.Equal(Local(due), at);
    }

    [Theory]
    [InlineData("steak overcooked twice at table 12")]
    [InlineData("meeting room aircon broken")]
    public void A_story_without_a_deadline_has_none(string story) =>
        Assert.Null(FollowUpTiming.DeadlineIn(story, Local("2026-12-07T12:00"), Zone));

    private static DateTimeOffset Local(string at)
    {
        var local = DateTime.Parse(at, System.Globalization.CultureInfo.InvariantCulture);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}
