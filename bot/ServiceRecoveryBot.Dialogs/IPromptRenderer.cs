using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Dialogs;

/// <summary>Turns a prompt into an activity for the channel the turn came from (text, buttons or a card).</summary>
public interface IPromptRenderer
{
    Activity Render(TurnContext turn, PromptOptions options, bool isRetry);
}

/// <summary>Plain text with numbered choices, plus suggested-action buttons where the channel shows them.</summary>
public sealed class TextPromptRenderer(IPromptWords? words = null) : IPromptRenderer
{
    public Activity Render(TurnContext turn, PromptOptions options, bool isRetry)
    {
        var said = words?.For(turn) ?? PromptWords.English;
        var text = isRetry ? options.RetryPrompt ?? options.Prompt : options.Prompt;
        if (options.Choices is not { Count: > 0 } choices)
            return turn.Activity.CreateReply(options.Skippable ? text + said.SkipSuffix : text);

        var lines = choices.Select((choice, i) => $"{i + 1}. {choice.Display}");
        var body = text + "\n\n" + string.Join("\n", lines) + (options.Skippable ? "\n\n" + said.SkipLine : "");
        return turn.Activity.CreateReply(body) with
        {
            SuggestedActions = new SuggestedActions
            {
                Actions = choices.Select(choice => new CardAction { Type = "imBack", Title = choice.Display, Value = choice.Display }).ToList(),
            },
        };
    }
}
