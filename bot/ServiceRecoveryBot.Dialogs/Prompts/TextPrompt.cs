using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Dialogs.Prompts;

/// <summary>Any non-empty text.</summary>
public sealed class TextPrompt(string id, PromptValidator<string>? validator = null) : Prompt<string>(id, validator)
{
    protected override PromptRecognizerResult<string> Recognize(TurnContext turn, string text, PromptOptions options) =>
        string.IsNullOrWhiteSpace(text) ? PromptRecognizerResult<string>.Fail : PromptRecognizerResult<string>.Of(text.Trim());
}
