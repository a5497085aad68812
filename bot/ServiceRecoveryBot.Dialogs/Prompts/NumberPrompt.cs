using System.Globalization;
using System.Text.RegularExpressions;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Dialogs.Prompts;

/// <summary>A number: digits with an optional currency sign or thousands separators, or a small number in words.</summary>
public sealed partial class NumberPrompt(string id, PromptValidator<decimal>? validator = null) : Prompt<decimal>(id, validator)
{
    private static readonly string[] Units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"];

    public static decimal? Parse(string text)
    {
        var match = NumberPattern().Match(text);
        if (match.Success && decimal.TryParse(match.Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            return value;
        var word = ChoiceRecognizer.Normalize(text);
        var index = Array.IndexOf(Units, word);
        return index >= 0 ? index : null;
    }

    protected override PromptRecognizerResult<decimal> Recognize(TurnContext turn, string text, PromptOptions options) =>
        Parse(text) is { } value ? PromptRecognizerResult<decimal>.Of(value) : PromptRecognizerResult<decimal>.Fail;

    protected override string RetryHint(PromptOptions options, PromptWords words) => words.RetryNumber;

    [GeneratedRegex(@"-?\d{1,3}(,\d{3})+(\.\d+)?|-?\d+(\.\d+)?")]
    private static partial Regex NumberPattern();
}
