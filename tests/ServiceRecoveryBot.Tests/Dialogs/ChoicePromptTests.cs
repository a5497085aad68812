using System.Text.Json;
using ServiceRecoveryBot.Dialogs;
using ServiceRecoveryBot.Dialogs.Prompts;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Tests.Dialogs;

public sealed class ChoicePromptTests
{
    private static readonly Choice[] Severities = [new("3", "S3 major (suggested)"), new("1", "S1 minor"), new("2", "S2 moderate"), new("4", "S4 critical")];

    private static async Task<object?> AnswerAsync(Activity answer) => ((await AskAsync(answer)).Result.Result as FoundChoice)?.Value;

    /// <summary>Asks "Severity?" with the severities, then gives the prompt this answer.</summary>
    private static async Task<(DialogTurnResult Result, TurnContext Turn)> AskAsync(Activity answer, PromptValidator<FoundChoice>? validator = null, string? retryPrompt = null)
    {
        var state = new DialogState();
        var set = new DialogSet([new ChoicePrompt("choice", validator)]);
        await set.CreateContext(Turn(new Activity { Type = ActivityTypes.Message, Text = "start" }), state)
            .PromptAsync("choice", new PromptOptions { Prompt = "Severity? Pick the one that fits what the customer went through.", RetryPrompt = retryPrompt, Choices = Severities }, default);
        var turn = Turn(answer);
        return (await set.CreateContext(turn, state).ContinueDialogAsync(default), turn);
    }

    private static Activity Typed(string text) => new() { Type = ActivityTypes.Message, Text = text };

    private static TurnContext Turn(Activity activity) => new(activity with
    {
        Conversation = new ConversationAccount { Id = "c" },
        From = new ChannelAccount { Id = "u" },
        Recipient = new ChannelAccount { Id = "b" },
    }, DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task A_clicked_button_sends_the_choice_value_not_a_list_position() =>
        Assert.Equal("3", await AnswerAsync(new Activity { Type = ActivityTypes.Message, Value = JsonSerializer.SerializeToElement(new { answer = "3" }) }));

    [Fact]
    public async Task A_typed_number_is_the_line_of_the_list() =>
        Assert.Equal("2", await AnswerAsync(new Activity { Type = ActivityTypes.Message, Text = "3" }));

    [Fact]
    public async Task An_answer_not_understood_is_re_asked_in_one_line_with_the_choices_again()
    {
        var (result, turn) = await AskAsync(Typed("the bad one"));

        Assert.Equal(DialogTurnStatus.Waiting, result.Status);
        var retry = Assert.Single(turn.Replies).Text!;
        Assert.StartsWith("Sorry, I didn't catch that. Tap one, or type its number (1-4).", retry, StringComparison.Ordinal);
        Assert.DoesNotContain("Pick the one that fits", retry, StringComparison.Ordinal);
        Assert.Contains("1. S3 major (suggested)", retry, StringComparison.Ordinal);
        Assert.Contains("4. S4 critical", retry, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_with_its_own_retry_prompt_re_asks_with_it() =>
        Assert.StartsWith("Pick a severity from 1 to 4.", Assert.Single((await AskAsync(Typed("the bad one"), retryPrompt: "Pick a severity from 1 to 4.")).Turn.Replies).Text, StringComparison.Ordinal);

    [Fact]
    public async Task A_validator_that_says_why_re_asks_with_its_reason()
    {
        PromptValidator<FoundChoice> notCritical = (check, _) =>
        {
            if (check.Recognized.Value?.Value == "4") check.Reason = "S4 needs a manager on the floor: pick another, or call one first.";
            return Task.FromResult(check.Recognized.Succeeded && check.Reason is null);
        };

        var retry = Assert.Single((await AskAsync(Typed("4"), notCritical)).Turn.Replies).Text!;

        Assert.StartsWith("S4 needs a manager on the floor", retry, StringComparison.Ordinal);
        Assert.DoesNotContain("didn't catch", retry, StringComparison.Ordinal);
        Assert.DoesNotContain("Pick the one that fits", retry, StringComparison.Ordinal);
        Assert.Contains("2. S1 minor", retry, StringComparison.Ordinal);
    }
}
