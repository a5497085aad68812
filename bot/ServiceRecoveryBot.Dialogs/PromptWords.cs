namespace ServiceRecoveryBot.Dialogs;

/// <summary>The engine's own words: how prompts re-ask and offer "skip". English unless the bot gives its catalog's.</summary>
public sealed record PromptWords
{
    public static PromptWords English { get; } = new();

    public string Retry { get; init; } = "Sorry, I didn't catch that. Could you say it again?";
    public string RetryYesNo { get; init; } = "Sorry, I didn't catch that. Yes or no?";
    public string RetryNumber { get; init; } = "I need a number, like 2 or 25.";

    /// <summary>A composite format; {0} is the number of choices.</summary>
    public string RetryChoices { get; init; } = "Sorry, I didn't catch that. Tap one, or type its number (1-{0}).";
    public string RetryOneChoice { get; init; } = "Sorry, I didn't catch that. Tap the button, or type 1.";
    public string RetryTime { get; init; } = "I didn't catch a time. Try \"6pm\", \"in 2 hours\", \"friday\" or \"tomorrow 9am\".";
    public string RetryTimeOrTap { get; init; } = "I didn't catch a time. Try \"6pm\", \"in 2 hours\", \"friday\" or \"tomorrow 9am\", or tap one.";
    public string SkipSuffix { get; init; } = " (or \"skip\")";
    public string SkipLine { get; init; } = "Or say \"skip\".";
    public string SkipButton { get; init; } = "Skip";
}

/// <summary>The prompt words for a turn (its locale); the bot registers its catalog's.</summary>
public interface IPromptWords
{
    PromptWords For(Protocol.TurnContext turn);
}
