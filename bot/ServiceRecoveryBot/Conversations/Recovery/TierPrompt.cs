using ServiceRecoveryBot.Dialogs;
using ServiceRecoveryBot.Dialogs.Prompts;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Conversations.Recovery;

/// <summary>
/// The "what kind of customer?" question: a tier, read as the choice prompt reads one (a <see cref="FoundChoice"/>), or
/// the customer's name typed instead ("Mrs Patel"; see <see cref="IncidentParser.LooksLikeName"/>), given back as text
/// for the dialog to record before it asks again. A staff member whose first message named the table, not the guest,
/// is not turned away for answering with the guest's name.
/// </summary>
public sealed class TierPrompt() : Prompt<object>(DialogIds.Tier)
{
    protected override PromptRecognizerResult<object> Recognize(TurnContext turn, string text, PromptOptions options)
    {
        if (options.Choices is { Count: > 0 } choices && ChoicePrompt.RecognizeAnswer(turn, text, choices) is { } found)
            return PromptRecognizerResult<object>.Of(found);
        var trimmed = text.Trim();
        return IncidentParser.LooksLikeName(trimmed) ? PromptRecognizerResult<object>.Of(trimmed) : PromptRecognizerResult<object>.Fail;
    }
}
