using ServiceRecoveryBot.Dialogs;
using ServiceRecoveryBot.Dialogs.Prompts;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Tests.Dialogs;

public sealed class WaterfallDialogTests
{
    private sealed class Order
    {
        public string? Name { get; set; }
        public decimal? Count { get; set; }
        public List<string> Trail { get; set; } = [];
    }

    private sealed class OrderDialog(int version = 1) : WaterfallDialog<Order>("order", version)
    {
        protected override WaterfallStep<Order>[] Steps => [AskNameAsync, AskCountAsync, FinishAsync];

        private static Task<DialogTurnResult> AskNameAsync(WaterfallStepContext<Order> step, CancellationToken ct)
        {
            step.State.Trail.Add("name");
            return step.PromptAsync("text", new PromptOptions { Prompt = "Name?" }, ct);
        }

        private static Task<DialogTurnResult> AskCountAsync(WaterfallStepContext<Order> step, CancellationToken ct)
        {
            step.State.Name = (string)step.Result!;
            step.State.Trail.Add("count");
            return step.PromptAsync("number", new PromptOptions { Prompt = "How many?", RetryPrompt = "A number, please." }, ct);
        }

        private static Task<DialogTurnResult> FinishAsync(WaterfallStepContext<Order> step, CancellationToken ct)
        {
            step.State.Count = (decimal)step.Result!;
            step.State.Trail.Add("finish");
            return step.EndDialogAsync($"{step.State.Count} x {step.State.Name} via {string.Join(">", step.State.Trail)}", ct);
        }
    }

    private readonly DialogState state = new();

    private static DialogSet Set(int version = 1) => new([new OrderDialog(version), new TextPrompt("text"), new NumberPrompt("number")]);

    private static TurnContext Turn(string text) => new(new Activity
    {
        Type = ActivityTypes.Message,
        Text = text,
        Conversation = new ConversationAccount { Id = "c" },
        From = new ChannelAccount { Id = "u" },
        Recipient = new ChannelAccount { Id = "b" },
    }, DateTimeOffset.UnixEpoch);

    private async Task<(DialogTurnResult Result, TurnContext Turn)> SayAsync(string text, DialogSet? set = null)
    {
        var turn = Turn(text);
        var dc = (set ?? Set()).CreateContext(turn, state);
        var result = dc.ActiveDialog is null ? await dc.BeginDialogAsync("order", null, default) : await dc.ContinueDialogAsync(default);
        return (result, turn);
    }

    [Fact]
    public async Task Steps_run_in_order_and_the_dialog_ends_with_its_result()
    {
        await SayAsync("start");
        await SayAsync("tea");
        var (result, _) = await SayAsync("3");

        Assert.Equal(DialogTurnStatus.Complete, result.Status);
        Assert.Equal("3 x tea via name>count>finish", result.Result);
        Assert.Empty(state.DialogStack);
    }

    [Fact]
    public async Task A_prompt_re_asks_with_its_retry_prompt_on_invalid_input()
    {
        await SayAsync("start");
        await SayAsync("tea");
        var (result, turn) = await SayAsync("lots");

        Assert.Equal(DialogTurnStatus.Waiting, result.Status);
        Assert.Equal("A number, please.", Assert.Single(turn.Replies).Text);
        Assert.Equal(DialogTurnStatus.Complete, (await SayAsync("two")).Result.Status);
    }

    [Fact]
    public async Task Back_re_asks_the_previous_question()
    {
        await SayAsync("start");
        await SayAsync("tea");
        var turn = Turn("back");
        var dc = Set().CreateContext(turn, state);

        Assert.True(await dc.GoBackAsync(default));
        Assert.Equal("Name?", Assert.Single(turn.Replies).Text);
        await SayAsync("coffee");
        Assert.Equal("2 x coffee via name>count>name>count>finish", (await SayAsync("2")).Result.Result);
    }

    [Fact]
    public async Task Back_on_the_first_question_changes_nothing()
    {
        await SayAsync("start");
        var dc = Set().CreateContext(Turn("back"), state);
        Assert.False(await dc.GoBackAsync(default));
        Assert.Equal(2, state.DialogStack.Count);
    }

    [Fact]
    public async Task A_stack_saved_by_an_older_dialog_version_is_discarded()
    {
        await SayAsync("start");
        var dc = Set(version: 2).CreateContext(Turn("tea"), state);
        Assert.True(dc.DiscardStaleStack());
        Assert.Empty(state.DialogStack);
    }

    [Fact]
    public async Task Status_describes_the_current_step()
    {
        await SayAsync("start");
        await SayAsync("tea");
        var dc = Set().CreateContext(Turn("status"), state);
        Assert.Equal(["AskCountAsync"], dc.DescribeStack());
    }

    [Fact]
    public async Task Cancel_clears_the_stack()
    {
        await SayAsync("start");
        var dc = Set().CreateContext(Turn("cancel"), state);
        Assert.Equal(DialogTurnStatus.Cancelled, (await dc.CancelAllDialogsAsync(default)).Status);
        Assert.Empty(state.DialogStack);
    }
}
