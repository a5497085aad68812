using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Dialogs.Prompts;

/// <summary>One of a list of choices, by number, name, synonym or a unique partial match.</summary>
public sealed class ChoicePrompt(string id, PromptValidator<FoundChoice>? validator = null) : Prompt<FoundChoice>(id, validator)
{
    protected override PromptRecognizerResult<FoundChoice> Recognize(TurnContext turn, string text, PromptOptions options) =>
        options.Choices is { Count: > 0 } choices && ChoiceRecognizer.Recognize(text, choices) is { } found
            ? PromptRecognizerResult<FoundChoice>.Of(found)
            : PromptRecognizerResult<FoundChoice>.Fail;
}
