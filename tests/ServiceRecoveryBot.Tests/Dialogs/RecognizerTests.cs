using ServiceRecoveryBot.Dialogs;
using ServiceRecoveryBot.Dialogs.Prompts;

namespace ServiceRecoveryBot.Tests.Dialogs;

public sealed class RecognizerTests
{
    // Monday 23 Nov 2026, 19:30 in UTC.
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 19, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("tomorrow 9am", "2026-11-24T09:00:00+00:00")]
    [InlineData("in 2 hours", "2026-11-23T21:30:00+00:00")]
    [InlineData("in half an hour", "2026-11-23T20:00:00+00:00")]
    [InlineData("friday", "2026-11-27T10:00:00+00:00")]
    [InlineData("next monday at 14:30", "2026-11-30T14:30:00+00:00")]
    [InlineData("6pm", "2026-11-24T18:00:00+00:00")]
    [InlineData("9pm", "2026-11-23T21:00:00+00:00")]
    [InlineData("tonight", "2026-11-23T19:00:00+00:00")]
    [InlineData("2026-12-01 08:15", "2026-12-01T08:15:00+00:00")]
    [InlineData("in 3 days", "2026-11-26T19:30:00+00:00")]
    public void Date_time_recognizer_understands_how_staff_say_when(string text, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            DateTimeRecognizer.Recognize(text, Now, TimeZoneInfo.Utc, new TimeOnly(10, 0)));

    [Fact]
    public void Date_time_recognizer_reads_times_in_the_users_time_zone()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(1)), DateTimeRecognizer.Recognize("tomorrow 9am", Now, berlin, new TimeOnly(10, 0)));
    }

    [Theory]
    [InlineData("whenever")]
    [InlineData("the blue one")]
    public void Date_time_recognizer_refuses_what_is_not_a_time(string text) =>
        Assert.Null(DateTimeRecognizer.Recognize(text, Now, TimeZoneInfo.Utc, new TimeOnly(10, 0)));

    [Theory]
    [InlineData("2", "Billing")]
    [InlineData("billing", "Billing")]
    [InlineData("Wait or delay", "Wait")]
    [InlineData("the wait", "Wait")]
    [InlineData("second", "Billing")]
    public void Choice_recognizer_finds_a_choice_by_number_name_or_part(string text, string expected)
    {
        Choice[] choices = [new("Wait", "Wait or delay"), new("Billing", "Billing error"), new("Staff", "Staff behaviour")];
        Assert.Equal(expected, ChoiceRecognizer.Recognize(text, choices)?.Value);
    }

    [Fact]
    public void Choice_recognizer_refuses_an_ambiguous_or_unknown_answer()
    {
        Choice[] choices = [new("Wait", "Wait or delay"), new("Billing", "Billing error")];
        Assert.Null(ChoiceRecognizer.Recognize("banana", choices));
        Assert.Null(ChoiceRecognizer.Recognize("7", choices));
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("Yep!", true)]
    [InlineData("no thanks", false)]
    [InlineData("nope", false)]
    [InlineData("maybe", null)]
    public void Confirm_understands_yes_and_no(string text, bool? expected) => Assert.Equal(expected, ConfirmPrompt.Parse(text));

    [Theory]
    [InlineData("$1,250.50", 1250.50)]
    [InlineData("about 40", 40)]
    [InlineData("twelve", 12)]
    public void Number_prompt_reads_digits_money_and_small_words(string text, decimal expected) => Assert.Equal(expected, NumberPrompt.Parse(text));
}
