using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Dialogs.Prompts;

/// <summary>One of a list of choices, by number, name, synonym or a unique partial match.</summary>
public sealed class ChoicePrompt(string id, PromptValidator<FoundChoice>? validator = null) : Prompt<FoundChoice>(id, validator)
{
    protected override PromptRecognizerResult<FoundChoice> Recognize(TurnContext turn, string text, PromptOptions options)
    {
        if (options.Choices is not { Count: > 0 } choices) return PromptRecognizerResult<FoundChoice>.Fail;
        // A button sends the choice's value; "3" from a button is the value 3, not the third line of the list.
        if (PromptInput.IsCardAnswer(turn.Activity) && ChoiceRecognizer.FindValue(choices, text) is { } clicked) return PromptRecognizerResult<FoundChoice>.Of(clicked);
        return ChoiceRecognizer.Recognize(text, choices) is { } found ? PromptRecognizerResult<FoundChoice>.Of(found) : PromptRecognizerResult<FoundChoice>.Fail;
    }

    protected override string RetryHint(PromptOptions options) => options.Choices is { Count: > 1 } choices
        ? $"Sorry, I didn't catch that. Tap one, or type its number (1-{choices.Count})."
        : "Sorry, I didn't catch that. Tap the button, or type 1.";
}
