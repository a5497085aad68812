using System.Text.Json.Nodes;
using ServiceRecoveryBot.Dialogs;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Channels.Cards;

/// <summary>
/// Prompts with choices become an Adaptive Card with one <c>Action.Submit</c> per choice, whose data
/// <c>{"answer": "&lt;choice value&gt;"}</c> the prompt reads back (<see cref="PromptInput"/>); the suggested choice is
/// styled "positive". Prompts without choices, and channels without cards, get the text renderer's output.
/// </summary>
public sealed class AdaptiveCardPromptRenderer(TextPromptRenderer text) : IPromptRenderer
{
    public const string SkipAnswer = "skip";

    public Activity Render(TurnContext turn, PromptOptions options, bool isRetry)
    {
        if (options.Choices is not { Count: > 0 } choices || !ChannelCapabilities.SupportsCards(turn.Activity.ChannelId))
            return text.Render(turn, options, isRetry);

        var prompt = isRetry ? options.RetryPrompt ?? options.Prompt : options.Prompt;
        var actions = new JsonArray();
        foreach (var choice in choices)
            actions.Add(Submit(choice.Display, choice.Value, positive: options.Suggested is { } suggested && string.Equals(suggested, choice.Value, StringComparison.Ordinal)));
        if (options.Skippable) actions.Add(Submit("Skip", SkipAnswer, positive: false));

        return turn.Activity.CreateReply() with
        {
            Attachments = [AdaptiveCard.Attachment([AdaptiveCard.TextBlock(prompt)], actions)],
            InputHint = InputHints.ExpectingInput,
        };
    }

    /// <summary>
    /// Web Chat posts <c>data</c> back as the activity's value. Teams honours the <c>msteams</c> messageBack block: it shows
    /// the button title in the chat and posts the answer as the text, which the prompt reads when no value carries it.
    /// </summary>
    private static JsonObject Submit(string title, string answer, bool positive)
    {
        var action = new JsonObject
        {
            ["type"] = "Action.Submit",
            ["title"] = title,
            ["data"] = new JsonObject
            {
                [PromptInput.AnswerKey] = answer,
                ["msteams"] = new JsonObject
                {
                    ["type"] = "messageBack",
                    ["displayText"] = title,
                    ["text"] = answer,
                },
            },
        };
        if (positive) action["style"] = "positive";
        return action;
    }
}
