using System.Text.Json;
using ServiceRecoveryBot.Dialogs;
using ServiceRecoveryBot.Dialogs.Prompts;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Tests.Dialogs;

public sealed class ChoicePromptTests
{
    private static readonly Choice[] Severities = [new("3", "S3 major (suggested)"), new("1", "S1 minor"), new("2", "S2 moderate"), new("4", "S4 critical")];

    private static async Task<object?> AnswerAsync(Activity answer)
    {
        var state = new DialogState();
        var set = new DialogSet([new ChoicePrompt("choice")]);
        await set.CreateContext(Turn(new Activity { Type = ActivityTypes.Message, Text = "start" }), state)
            .PromptAsync("choice", new PromptOptions { Prompt = "Severity?", Choices = Severities }, default);
        var result = await set.CreateContext(Turn(answer), state).ContinueDialogAsync(default);
        return (result.Result as FoundChoice)?.Value;
    }

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
}
