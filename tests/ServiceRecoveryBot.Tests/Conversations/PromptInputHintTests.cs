using System.Text.Json;
using ServiceRecoveryBot.Channels.Cards;
using ServiceRecoveryBot.Channels.Local;
using ServiceRecoveryBot.Turns.State;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Tests.Conversations;

/// <summary>
/// Bot Builder's prompt semantics, turn by turn through the real pipeline: a turn that leaves the bot waiting for an
/// answer ends on the question, sent with <c>inputHint: expectingInput</c>; everything else says <c>acceptingInput</c>.
/// The walks answer whatever the bot asks, as an adaptive client would, so they follow the dialogs as they change.
/// </summary>
public sealed class PromptInputHintTests : IDisposable
{
    private const int MaxTurns = 40;

    // As the host has it: Adaptive Cards where the channel shows them ("webchat", "msteams"), text for "test".
    private readonly BotHarness bot = new(new Dictionary<string, string?>
    {
        ["Managers:Teams:0:TeamKey"] = "local",
        ["Managers:Teams:0:UserIds:0"] = "manager-1",
    }, services => services.AddAdaptiveCards());

    private readonly Dictionary<string, int> watermarks = new(StringComparer.Ordinal);

    public void Dispose() => bot.Dispose();

    public static TheoryData<string> Channels => new() { "test", "webchat", "msteams" };

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task Every_turn_of_a_recovery_ends_on_its_question_marked_expecting_input(string channel)
    {
        var staff = new Walker(this, "recovery-" + channel, "staff-1", channel);

        await staff.TurnAsync("Guest at table 12 is furious: steak overcooked twice \"second time tonight\"");
        Assert.True(await staff.WaitingAsync());
        // Interruptions while a question is open: each answers, then asks the same question again, last.
        foreach (var aside in new[] { "help", "status", "zzzz qqq", "back", "how do I follow up?" })
            Assert.Equal(InputHints.ExpectingInput, (await staff.TurnAsync(aside))[^1].InputHint);
        Assert.Equal(InputHints.ExpectingInput, (await staff.PhotoAsync())[^1].InputHint);

        await staff.AnswerUntilDoneAsync();
        Assert.Single(bot.Cases.All);
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task A_paused_and_resumed_case_asks_its_question_again_marked_expecting_input(string channel)
    {
        var staff = new Walker(this, "pause-" + channel, "staff-1", channel);
        await staff.TurnAsync("Room service to 1207 took 50 minutes and the breakfast arrived cold.");
        var paused = await staff.TurnAsync("pause");
        Assert.False(await staff.WaitingAsync());
        Assert.All(paused, a => Assert.Equal(InputHints.AcceptingInput, a.InputHint));

        await staff.TurnAsync("resume");
        Assert.True(await staff.WaitingAsync());
        await staff.AnswerUntilDoneAsync();
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task Every_turn_of_a_follow_up_ends_on_its_question_marked_expecting_input(string channel)
    {
        var staff = new Walker(this, "followup-" + channel, "staff-1", channel);
        await staff.TurnAsync("Guest at checkout disputing a $38 minibar charge, says he never opened it.");
        await staff.AnswerUntilDoneAsync();
        var c = Assert.Single(bot.Cases.All);

        await staff.TurnAsync($"follow up {c.Id}");
        Assert.True(await staff.WaitingAsync());
        await staff.TurnAsync("yes");
        await staff.TurnAsync("2");
        await staff.TurnAsync("Still not happy, I won't stay here again.");   // the tone line comes before the next question
        await staff.AnswerUntilDoneAsync();

        await staff.TurnAsync($"follow up {c.Id}");
        await staff.TurnAsync("no");   // not reached: when to try again
        await staff.AnswerUntilDoneAsync();
    }

    [Fact]
    public async Task A_follow_up_reads_the_customer_s_words_as_the_opening_does_so_a_demand_for_the_manager_is_not_calm()
    {
        var staff = new Walker(this, "followup-tone", "staff-1", "test");
        await staff.TurnAsync("Guest at checkout disputing a $38 minibar charge, says he never opened it.");
        await staff.AnswerUntilDoneAsync();
        var c = Assert.Single(bot.Cases.All);

        await staff.TurnAsync($"follow up {c.Id}");
        await staff.TurnAsync("skip");   // how to reach them
        await staff.TurnAsync("yes");
        await staff.TurnAsync("2");
        await staff.TurnAsync("this is how you treat me? i want the manager");
        await staff.AnswerUntilDoneAsync();

        var read = Assert.Single(bot.Cases.All).Tones[^1];
        Assert.True(read.Compound <= -0.3, $"read as {read.Compound:+0.00;-0.00}");
        Assert.Equal("Negative", read.Label);
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task Practice_asks_with_expecting_input_and_its_feedback_accepts_input(string channel)
    {
        var staff = new Walker(this, "practice-" + channel, "staff-1", channel);
        await staff.TurnAsync("practice");
        Assert.True(await staff.WaitingAsync());
        var feedback = await staff.TurnAsync("I'm so sorry, that must be frustrating. I'll fix it right now.");
        Assert.False(await staff.WaitingAsync());
        Assert.NotEmpty(feedback);
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task A_guidance_walk_waits_on_each_step_and_its_last_step_accepts_input(string channel)
    {
        var staff = new Walker(this, "guide-" + channel, "staff-1", channel);
        Assert.Equal(InputHints.ExpectingInput, (await staff.TurnAsync("how do I handle a double charge?"))[^1].InputHint);
        Assert.Equal(InputHints.ExpectingInput, (await staff.TurnAsync("next"))[^1].InputHint);
        Assert.Equal(InputHints.AcceptingInput, (await staff.TurnAsync("stop"))[^1].InputHint);

        // A walk started in the middle of a case: the step is a statement and the case's question comes last.
        await staff.TurnAsync("Shelf label says $24.99, till charges $29.99, customer in the queue getting angry.");
        Assert.Equal(InputHints.ExpectingInput, (await staff.TurnAsync("steps for a late delivery"))[^1].InputHint);
        Assert.Equal(InputHints.ExpectingInput, (await staff.TurnAsync("next"))[^1].InputHint);
        await staff.AnswerUntilDoneAsync();
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task Manager_commands_and_approvals_are_statements_that_accept_input(string channel)
    {
        var managers = new Walker(this, "managers-" + channel, "manager-1", channel);
        await managers.TurnAsync("register channel");
        var staff = new Walker(this, "approvals-" + channel, "staff-1", channel);
        await staff.TurnAsync("No reservation on file for the Okafor couple but they have our confirmation. We're sold out.");
        await staff.AnswerUntilDoneAsync(atonement: "$120 credit for a night elsewhere");
        var c = Assert.Single(bot.Cases.All);
        Assert.Equal(ApprovalState.Pending, c.Atonement?.Approval);

        foreach (var said in new[] { $"approve {c.Id}", "digest", $"snooze {c.Id}", $"kept {c.Id}", "my cases", "my follow-ups", $"show {c.Id}" })
        {
            await managers.TurnAsync(said);
            Assert.False(await managers.WaitingAsync());
        }
        Assert.Equal(ApprovalState.Approved, Assert.Single(bot.Cases.All).Atonement?.Approval);
        // What reached the staff member's chat unasked (the decision) is a statement too.
        Assert.All(Transcript(staff.ConversationId), a => Assert.NotNull(a.InputHint));
        Assert.All(Transcript(managers.ConversationId), a => Assert.NotNull(a.InputHint));
    }

    private IReadOnlyList<Activity> Transcript(string conversationId) =>
        bot.Get<LocalChannel>().Transcript(conversationId).Since(-1).Activities.Where(a => a.IsMessage).ToList();

    /// <summary>One conversation, turn by turn; each turn's messages are checked against the conversation state it left.</summary>
    private sealed class Walker(PromptInputHintTests test, string conversationId, string user, string channel)
    {
        private readonly Testing.ChatDriver chat = test.bot.Chat(conversationId, user, channel);

        public string ConversationId => conversationId;

        public Task<IReadOnlyList<Activity>> TurnAsync(string text) => RunAsync(chat.Message(text));

        public Task<IReadOnlyList<Activity>> PhotoAsync() =>
            RunAsync(chat.Message(null) with { Attachments = [new Attachment { ContentType = "image/jpeg", Name = "IMG_0421.jpg" }] });

        public async Task<bool> WaitingAsync()
        {
            var stored = await test.bot.States.LoadAsync(new ConversationKey(channel, conversationId), CancellationToken.None);
            return stored?.State.Dialogs.DialogStack.Count > 0;
        }

        /// <summary>Answers whatever the bot asks (the first choice, "skip", or a sentence) until no dialog waits.</summary>
        public async Task AnswerUntilDoneAsync(string? atonement = null)
        {
            for (var turn = 0; turn < MaxTurns; turn++)
            {
                if (!await WaitingAsync()) return;
                var question = Transcript()[^1];
                var asked = Text(question);
                var answer = atonement is not null && asked.Contains("atone", StringComparison.OrdinalIgnoreCase) ? atonement
                    : FirstChoice(question) is { } choice ? choice
                    : asked.Contains("skip", StringComparison.OrdinalIgnoreCase) ? "skip"
                    : "She said the food was cold and she is upset.";
                await RunAsync(PressOrType(question, answer));
            }
            Assert.Fail($"The dialog in {conversationId} still waited after {MaxTurns} answers.");
        }

        private async Task<IReadOnlyList<Activity>> RunAsync(Activity inbound)
        {
            await test.bot.Turns.ProcessAsync(inbound, CancellationToken.None);
            var messages = Since();
            var waiting = await WaitingAsync();
            var said = string.Join(" | ", messages.Select(Text));
            Assert.NotEmpty(messages);
            Assert.All(messages, m => Assert.True(m.InputHint is InputHints.AcceptingInput or InputHints.ExpectingInput, $"no input hint on \"{Text(m)}\""));
            // Only the last message of a turn may be the question.
            Assert.All(messages.SkipLast(1), m => Assert.True(m.InputHint == InputHints.AcceptingInput, $"\"{Text(m)}\" came before the end of the turn: {said}"));
            Assert.True(waiting == (messages[^1].InputHint == InputHints.ExpectingInput) || IsWalkStep(messages[^1]),
                $"waiting={waiting} but the turn ended on {messages[^1].InputHint}: {said}");
            return messages;
        }

        /// <summary>A step of a guidance walk, which waits for next / back / stop outside any dialog.</summary>
        private static bool IsWalkStep(Activity message) => (message.Text ?? "").Split('\n')[^1].StartsWith("next / back", StringComparison.Ordinal);

        private List<Activity> Since()
        {
            var (activities, next) = test.bot.Get<LocalChannel>().Transcript(conversationId).Since(test.watermarks.GetValueOrDefault(conversationId, -1));
            test.watermarks[conversationId] = next;
            return activities.Where(a => a.IsMessage).ToList();
        }

        private IReadOnlyList<Activity> Transcript() => test.Transcript(conversationId);

        private static string Text(Activity a) => a.Text ?? a.Summary ?? CardText(a) ?? "";

        /// <summary>The first choice a prompt offers: a suggested action, or a card's first submit button.</summary>
        private static string? FirstChoice(Activity question) =>
            question.SuggestedActions?.Actions?.FirstOrDefault()?.Value ?? CardActions(question).FirstOrDefault();

        private Activity PressOrType(Activity question, string answer) =>
            question.Attachments is { Count: > 0 } && CardActions(question).Contains(answer)
                ? chat.Message(null) with { Value = JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["answer"] = answer }), ReplyToId = question.Id }
                : chat.Message(answer);

        /// <summary>The answers a card's buttons give, in order: its actions, or in Teams its rows of actions and pressable rows.</summary>
        private static IEnumerable<string> CardActions(Activity a) =>
            from attachment in a.Attachments ?? []
            where attachment.Content is JsonElement { ValueKind: JsonValueKind.Object }
            from answer in Answers((JsonElement)attachment.Content!)
            select answer;

        private static IEnumerable<string> Answers(JsonElement node)
        {
            if (node.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in node.EnumerateArray())
                    foreach (var answer in Answers(item)) yield return answer;
                yield break;
            }
            if (node.ValueKind != JsonValueKind.Object) yield break;
            if (node.TryGetProperty("type", out var type) && type.GetString() is "Action.Submit" or "Action.Execute"
                && node.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object && data.TryGetProperty("answer", out var given))
            {
                yield return given.GetString()!;
                yield break; // its fallback is the same button
            }
            foreach (var property in node.EnumerateObject())
                foreach (var answer in Answers(property.Value)) yield return answer;
        }

        private static string? CardText(Activity a) =>
            a.Attachments?.FirstOrDefault()?.Content is JsonElement { ValueKind: JsonValueKind.Object } content ? content.GetRawText() : null;
    }
}
