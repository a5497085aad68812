using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Dialogs.Prompts;

/// <summary>Offers choices as buttons but also takes the user's own words: a choice's value, or the text typed.</summary>
public sealed class ChoiceOrTextPrompt(string id, PromptValidator<string>? validator = null) : Prompt<string>(id, validator)
{
    protected override PromptRecognizerResult<string> Recognize(TurnContext turn, string text, PromptOptions options)
    {
        if (string.IsNullOrWhiteSpace(text)) return PromptRecognizerResult<string>.Fail;
        var trimmed = text.Trim();
        if (options.Choices is { Count: > 0 } choices)
        {
            if (PromptInput.IsCardAnswer(turn.Activity) && ChoiceRecognizer.FindValue(choices, trimmed) is { } clicked)
                return PromptRecognizerResult<string>.Of(clicked.Value);
            var normalized = ChoiceRecognizer.Normalize(trimmed);
            for (var i = 0; i < choices.Count; i++)
            {
                if (normalized == (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)
                    || normalized == ChoiceRecognizer.Normalize(choices[i].Value)
                    || normalized == ChoiceRecognizer.Normalize(choices[i].Display)
                    || (choices[i].Synonyms ?? []).Any(synonym => normalized == ChoiceRecognizer.Normalize(synonym)))
                    return PromptRecognizerResult<string>.Of(choices[i].Value);
            }
        }
        return PromptRecognizerResult<string>.Of(trimmed);
    }
}
