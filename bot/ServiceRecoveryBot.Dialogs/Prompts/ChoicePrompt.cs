using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Dialogs.Prompts;

/// <summary>One of a list of choices, by number, name, synonym or a unique partial match.</summary>
public sealed class ChoicePrompt(string id, PromptValidator<FoundChoice>? validator = null) : Prompt<FoundChoice>(id, validator)
{
    protected override PromptRecognizerResult<FoundChoice> Recognize(TurnContext turn, string text, PromptOptions options)
    {
        return options.Choices is { Count: > 0 } choices && RecognizeAnswer(turn, text, choices) is { } found
            ? PromptRecognizerResult<FoundChoice>.Of(found)
            : PromptRecognizerResult<FoundChoice>.Fail;
    }

    /// <summary>The choice an answer picks: a button's value as sent, else by number, name, synonym or a unique partial match.</summary>
    public static FoundChoice? RecognizeAnswer(TurnContext turn, string text, IReadOnlyList<Choice> choices) =>
        // A button sends the choice's value; "3" from a button is the value 3, not the third line of the list.
        PromptInput.IsCardAnswer(turn.Activity) && ChoiceRecognizer.FindValue(choices, text) is { } clicked ? clicked : ChoiceRecognizer.Recognize(text, choices);

    protected override string RetryHint(PromptOptions options, PromptWords words) => options.Choices is { Count: > 1 } choices
        ? string.Format(System.Globalization.CultureInfo.InvariantCulture, words.RetryChoices, choices.Count)
        : words.RetryOneChoice;
}
