using System.Text.Json.Nodes;
using ServiceRecoveryBot.Dialogs;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Channels.Cards;

/// <summary>
/// Prompts with choices become an Adaptive Card with one button per choice, whose data <c>{"answer", "question"}</c> the
/// prompt reads back (<see cref="PromptInput"/>): <c>Action.Submit</c> in Web Chat, <c>Action.Execute</c> in Teams, laid
/// out to fit Teams (<see cref="TeamsLayout"/>). Prompts without choices (in Teams: unless skippable), and channels
/// without cards, get the text renderer's output.
/// </summary>
public sealed class AdaptiveCardPromptRenderer(TextPromptRenderer text, IPromptWords? words = null) : IPromptRenderer
{
    public const string SkipAnswer = "skip";

    /// <summary>The verb of a Teams prompt button (Universal Actions); <see cref="Teams.CardActions"/> reads its data as the answer.</summary>
    public const string AnswerVerb = "answer";

    /// <summary>The data key carrying the button's title, shown on the card once it is pressed.</summary>
    public const string LabelKey = "label";

    /// <summary>Teams shows at most this many buttons in a row of actions; more go behind its "..." overflow.</summary>
    public const int TeamsMaxActions = 6;

    /// <summary>Button titles longer than this are cut off on Teams' narrow (phone) width: such choices become wrapping rows.</summary>
    public const int TeamsMaxTitle = 24;

    public Activity Render(TurnContext turn, PromptOptions options, bool isRetry)
    {
        var teams = turn.Activity.ChannelId == Teams.TeamsActivity.ChannelId;
        // In Teams a skippable question gets its Skip button too, so a case can be walked by buttons alone.
        var choices = options.Choices is { Count: > 0 } given ? given : teams && options.Skippable ? [] : null;
        if (choices is null || !ChannelCapabilities.SupportsCards(turn.Activity.ChannelId))
            return text.Render(turn, options, isRetry);

        var prompt = isRetry ? options.RetryPrompt ?? options.Prompt : options.Prompt;
        var buttons = choices
            .Select(choice => new Button(choice.Display, choice.Value, choice.Urgent, options.Suggested is { } suggested && string.Equals(suggested, choice.Value, StringComparison.Ordinal)))
            .ToList();
        if (options.Skippable) buttons.Add(new Button((words?.For(turn) ?? PromptWords.English).SkipButton, SkipAnswer, Urgent: false, Positive: false));

        var card = teams
            ? TeamsLayout(prompt, buttons, options.Key)
            : AdaptiveCard.Attachment([AdaptiveCard.TextBlock(prompt)], [.. buttons.Select(b => (JsonNode)Submit(b, options.Key, showPress: true))]);
        return turn.Activity.CreateReply() with { Attachments = [card], InputHint = InputHints.ExpectingInput };
    }

    /// <summary>
    /// Teams: <c>Action.Execute</c> buttons (the click is answered with the card showing the choice). Short titles are
    /// buttons, at most <see cref="TeamsMaxActions"/> to a row, with the suggested and urgent (safety) ones first when there
    /// are more; when a title would be cut off, every choice is a full-width row whose text wraps, the whole row pressable.
    /// </summary>
    private static Attachment TeamsLayout(string prompt, IReadOnlyList<Button> buttons, string question)
    {
        var body = new JsonArray { AdaptiveCard.TextBlock(prompt) };
        if (buttons.Any(b => b.Title.Length > TeamsMaxTitle))
        {
            foreach (var button in buttons)
            {
                var row = new JsonObject
                {
                    ["type"] = "Container",
                    ["style"] = button.Positive ? "accent" : "emphasis",
                    ["spacing"] = "Small",
                    ["selectAction"] = Execute(button, question),
                    ["items"] = new JsonArray(AdaptiveCard.TextBlock(button.Title, weight: button.Positive ? "Bolder" : null)),
                };
                body.Add(row);
            }
            return AdaptiveCard.Attachment(body);
        }

        var ordered = buttons.Count <= TeamsMaxActions
            ? buttons
            : [.. buttons.Where(b => b.Positive), .. buttons.Where(b => b.Urgent && !b.Positive), .. buttons.Where(b => !b.Urgent && !b.Positive)];
        foreach (var row in ordered.Chunk(TeamsMaxActions))
            body.Add(new JsonObject { ["type"] = "ActionSet", ["actions"] = new JsonArray([.. row.Select(b => (JsonNode)Execute(b, question))]) });
        return AdaptiveCard.Attachment(body);
    }

    private static JsonObject Data(Button button, string question) => new()
    {
        [PromptInput.AnswerKey] = button.Answer,
        [PromptInput.QuestionKey] = question,
        [LabelKey] = button.Title,
    };

    /// <summary>
    /// An Action.Submit posting <c>data</c> back as the activity's value. In Web Chat (<paramref name="showPress"/>) its
    /// <c>msteams</c> messageBack block shows the title as the user's message and sends the answer as text; Teams never
    /// gets that block (the Agents Playground throws "Cannot add property msTeams" on it and sends nothing).
    /// </summary>
    private static JsonObject Submit(Button button, string question, bool showPress = false)
    {
        var data = Data(button, question);
        if (showPress) data["msteams"] = new JsonObject { ["type"] = "messageBack", ["displayText"] = button.Title, ["text"] = button.Answer };
        var action = new JsonObject { ["type"] = "Action.Submit", ["title"] = button.Title, ["data"] = data };
        if (button.Positive) action["style"] = "positive";
        return action;
    }

    /// <summary>A Teams Universal Action (an <c>adaptiveCard/action</c> invoke), falling back to the same data as an Action.Submit.</summary>
    private static JsonObject Execute(Button button, string question)
    {
        var action = new JsonObject
        {
            ["type"] = "Action.Execute",
            ["title"] = button.Title,
            ["verb"] = AnswerVerb,
            ["data"] = Data(button, question),
            ["fallback"] = Submit(button, question),
        };
        if (button.Positive) action["style"] = "positive";
        return action;
    }

    private sealed record Button(string Title, string Answer, bool Urgent, bool Positive);
}
