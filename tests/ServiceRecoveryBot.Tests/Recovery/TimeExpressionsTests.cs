using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Tests.Recovery;

/// <summary>When staff say a promise or a follow-up is due, read in the team's zone at a Monday 14:30 in New York.</summary>
public sealed class TimeExpressionsTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 19, 30, 0, TimeSpan.Zero);   // Monday 14:30 in New York
    private static readonly TimeOnly DefaultTime = new(10, 0);

    private static DateTimeOffset? Find(string text) => TimeExpressions.Find(text, Now, NewYork, DefaultTime);

    private static DateTimeOffset Local(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, TimeSpan.FromHours(-5));

    public static TheoryData<string, DateTimeOffset> Said => new()
    {
        { "I promised to call her tomorrow by 6pm", Local(24, 18) },
        { "call her back tomorrow by 6", Local(24, 18) },
        { "tomorrow 9am", Local(24, 9) },
        { "at nine tomorrow", Local(24, 9) },
        { "by friday", Local(27, 10) },
        { "a refund by Friday at 5pm", Local(27, 17) },
        { "today 5pm", Local(23, 17) },
        { "by 6pm", Local(23, 18) },
        { "at 11am", Local(24, 11) },                       // past today: tomorrow
        { "18:30", Local(23, 18, 30) },
        { "manager will call tonight", Local(23, 19) },
        { "call her by 7 tonight", Local(23, 19) },
        { "llamarla hoy a las 8 de la tarde", Local(23, 20) },
        { "mañana a las 6", Local(24, 18) },
        { "le prometí llamarla mañana a las 18:30", Local(24, 18, 30) },
        { "mañana por la mañana", Local(24, 9) },
        { "el viernes", Local(27, 10) },
        { "hoy a las cinco", Local(23, 17) },
        { "day after tomorrow at noon", Local(25, 12) },
    };

    [Theory]
    [MemberData(nameof(Said))]
    public void A_day_and_a_time_said_anywhere_in_the_sentence_are_both_kept(string said, DateTimeOffset expected) =>
        Assert.Equal(expected, Find(said));

    [Theory]
    [InlineData("in 15 minutes", 15)]
    [InlineData("I said we'd bring a new plate in 15 minutes", 15)]
    [InlineData("15 min", 15)]
    [InlineData("2h", 120)]
    [InlineData("in 2 hours", 120)]
    [InlineData("within an hour", 60)]
    [InlineData("in half an hour", 30)]
    [InlineData("in 1h30", 90)]
    [InlineData("en 15 minutos", 15)]
    [InlineData("en una hora", 60)]
    [InlineData("en media hora", 30)]
    [InlineData("in 3 days", 3 * 24 * 60)]
    public void A_span_from_now_is_counted_from_now(string said, int minutes) =>
        Assert.Equal(Now.AddMinutes(minutes), Find(said));

    [Theory]
    [InlineData("before they leave")]
    [InlineData("a free dessert before they leave")]
    [InlineData("before she leaves")]
    [InlineData("antes de que se vayan")]
    [InlineData("antes de que se vaya")]
    public void Before_they_leave_is_a_short_while_from_now(string said)
    {
        Assert.Equal(Now + TimeExpressions.BeforeTheyLeave, Find(said));
        Assert.InRange(TimeExpressions.BeforeTheyLeave, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(45));
    }

    [Theory]
    [InlineData("guest in room 305 wants a callback")]
    [InlineData("table 12 will get a free dessert")]
    [InlineData("I'll sort it out at once")]
    [InlineData("she sat down again")]
    [InlineData("")]
    public void Words_with_no_time_in_them_give_none(string said) => Assert.Null(Find(said));

    [Fact]
    public void A_time_is_read_in_the_zone_given()
    {
        var utc = TimeExpressions.Find("tomorrow by 6pm", Now, TimeZoneInfo.Utc, DefaultTime);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 18, 0, 0, TimeSpan.Zero), utc);
    }
}
