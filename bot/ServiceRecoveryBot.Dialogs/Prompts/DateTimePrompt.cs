using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Dialogs.Prompts;

/// <summary>A moment in time, read in the user's time zone (see <see cref="DateTimeRecognizer"/>).</summary>
public sealed class DateTimePrompt(string id, TimeZoneInfo defaultZone, TimeOnly defaultTime, PromptValidator<DateTimeOffset>? validator = null)
    : Prompt<DateTimeOffset>(id, validator)
{
    protected override PromptRecognizerResult<DateTimeOffset> Recognize(TurnContext turn, string text, PromptOptions options) =>
        DateTimeRecognizer.Recognize(text, turn.ReceivedAt, UserTimeZone.Of(turn.Activity, defaultZone), defaultTime) is { } when
            ? PromptRecognizerResult<DateTimeOffset>.Of(when)
            : PromptRecognizerResult<DateTimeOffset>.Fail;

    protected override string RetryHint(PromptOptions options, PromptWords words) =>
        options.Choices is { Count: > 0 } ? words.RetryTimeOrTap : words.RetryTime;
}
