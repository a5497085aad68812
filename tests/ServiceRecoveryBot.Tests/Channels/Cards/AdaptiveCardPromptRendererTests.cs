using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ServiceRecoveryBot.Channels.Cards;
using ServiceRecoveryBot.Dialogs;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Tests.Channels.Cards;

public sealed class AdaptiveCardPromptRendererTests
{
    private static readonly PromptOptions Tier = new()
    {
        Prompt = "What kind of **customer**?",
        RetryPrompt = "Pick one of the buttons.",
        Choices = [new("New"), new("Regular"), new("Vip", "VIP", ["gold"])],
        Suggested = "Regular",
    };

    private readonly AdaptiveCardPromptRenderer renderer = new(new TextPromptRenderer());

    [Theory]
    [InlineData("directline")]
    [InlineData("webchat")]
    [InlineData("msteams")]
    [InlineData("emulator")]
    [InlineData("MSTeams")]
    public void A_prompt_with_choices_is_an_adaptive_card_on_channels_that_render_cards(string channel)
    {
        var reply = renderer.Render(Turn(channel), Tier, isRetry: false);

        var card = AdaptiveCardAssert.IsValidCard(Assert.Single(reply.Attachments!));
        Assert.Null(reply.Text);
        Assert.Null(reply.SuggestedActions);
        Assert.Equal("What kind of **customer**?", card.GetProperty("body")[0].GetProperty("text").GetString());
        Assert.Equal("TextBlock", card.GetProperty("body")[0].GetProperty("type").GetString());
        Assert.True(card.GetProperty("body")[0].GetProperty("wrap").GetBoolean());
    }

    [Fact]
    public void Each_choice_is_a_submit_button_whose_data_carries_the_choice_value_as_the_answer()
    {
        var card = Card(renderer.Render(Turn("directline"), Tier, isRetry: false));

        var actions = card.GetProperty("actions").EnumerateArray().ToList();
        Assert.Equal(["New", "Regular", "VIP"], actions.Select(a => a.GetProperty("title").GetString()));
        Assert.Equal(["New", "Regular", "Vip"], actions.Select(a => a.GetProperty("data").GetProperty("answer").GetString()));
    }

    [Fact]
    public void The_answer_a_button_submits_is_what_the_prompt_reads()
    {
        var card = Card(renderer.Render(Turn("directline"), Tier, isRetry: false));
        var data = card.GetProperty("actions")[2].GetProperty("data");

        var submit = new Activity { Type = ActivityTypes.Message, Value = data };

        Assert.Equal("Vip", PromptInput.TextOf(submit));
    }

    /// <summary>The Agents Playground throws "Cannot add property msTeams" on a button whose data has the msteams block, and sends nothing.</summary>
    [Fact]
    public void No_teams_button_carries_the_msteams_block()
    {
        var json = Card(renderer.Render(Turn("msteams"), Tier with { Skippable = true }, isRetry: false)).GetRawText();

        Assert.DoesNotContain("msteams", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("messageBack", json, StringComparison.Ordinal);
    }

    /// <summary>Web Chat honours the messageBack block: the press shows as the user's message, and the answer goes as text.</summary>
    [Fact]
    public void Web_chat_buttons_show_the_press_as_the_users_message()
    {
        var teams = Card(renderer.Render(Turn("directline"), Tier, isRetry: false)).GetProperty("actions")[2].GetProperty("data").GetProperty("msteams");

        Assert.Equal(("messageBack", "VIP", "Vip"), (teams.GetProperty("type").GetString(), teams.GetProperty("displayText").GetString(), teams.GetProperty("text").GetString()));
    }

    [Fact]
    public void Teams_buttons_are_universal_actions_whose_data_is_the_answer_to_this_question()
    {
        var card = Card(renderer.Render(Turn("msteams"), Tier, isRetry: false));
        var actions = Buttons(card);

        Assert.Equal(["New", "Regular", "VIP"], actions.Select(a => a.GetProperty("title").GetString()));
        Assert.All(actions, a => Assert.Equal(("Action.Execute", "Action.Submit"), (a.GetProperty("type").GetString(), a.GetProperty("fallback").GetProperty("type").GetString())));
        var vip = new Activity { Type = ActivityTypes.Message, Value = actions[2].GetProperty("data") };
        Assert.Equal("Vip", PromptInput.TextOf(vip));
        Assert.Equal(Tier.Key, PromptInput.QuestionOf(vip));
    }

    [Fact]
    public void A_skippable_question_without_choices_gets_a_skip_button_in_teams()
    {
        var options = new PromptOptions { Prompt = "What did the customer say?", Skippable = true };

        var skip = Assert.Single(Buttons(Card(renderer.Render(Turn("msteams"), options, isRetry: false))));

        Assert.Equal("Skip", skip.GetProperty("title").GetString());
        Assert.True(PromptInput.IsSkip(skip.GetProperty("data").GetProperty("answer").GetString()));
    }

    /// <summary>Teams shows six buttons of a row and hides the rest behind "...": the category card hid Safety.</summary>
    [Fact]
    public void More_than_six_short_choices_in_teams_come_in_rows_of_six_suggested_and_urgent_first()
    {
        var options = new PromptOptions
        {
            Prompt = "Which kind?",
            Choices = [.. Enumerable.Range(1, 8).Select(i => new Choice($"c{i}", $"Kind {i}")), new Choice("safety", "Safety", Urgent: true), new Choice("other", "Other")],
            Suggested = "c5",
        };

        var card = Card(renderer.Render(Turn("msteams"), options, isRetry: false));

        var rows = card.GetProperty("body").EnumerateArray().Where(e => e.GetProperty("type").GetString() == "ActionSet").ToList();
        Assert.All(rows, r => Assert.InRange(r.GetProperty("actions").GetArrayLength(), 1, AdaptiveCardPromptRenderer.TeamsMaxActions));
        var titles = rows.SelectMany(r => r.GetProperty("actions").EnumerateArray()).Select(a => a.GetProperty("title").GetString()).ToList();
        Assert.Equal(["Kind 5", "Safety"], titles.Take(2));
        Assert.Equal(10, titles.Distinct().Count());
        Assert.False(card.TryGetProperty("actions", out _));
    }

    /// <summary>Teams cuts a long button title mid-word: such choices are rows whose text wraps, each row pressable.</summary>
    [Fact]
    public void Long_choice_titles_in_teams_are_wrapping_rows_that_press_like_buttons()
    {
        var options = new PromptOptions { Prompt = "What did you do?", Choices = [new("Replace it straight away, prepared fresh"), new("Take it off the bill")] };

        var card = Card(renderer.Render(Turn("msteams"), options, isRetry: false));

        var rows = card.GetProperty("body").EnumerateArray().Where(e => e.GetProperty("type").GetString() == "Container").ToList();
        Assert.Equal(2, rows.Count);
        var first = rows[0];
        Assert.True(first.GetProperty("items")[0].GetProperty("wrap").GetBoolean());
        Assert.Equal("Replace it straight away, prepared fresh", first.GetProperty("items")[0].GetProperty("text").GetString());
        Assert.Equal("Action.Execute", first.GetProperty("selectAction").GetProperty("type").GetString());
        Assert.Equal("Replace it straight away, prepared fresh", first.GetProperty("selectAction").GetProperty("data").GetProperty("answer").GetString());
    }

    [Fact]
    public void A_question_is_named_by_its_wording_and_choices_not_by_a_retry()
    {
        Assert.Equal(Tier.Key, (Tier with { RetryPrompt = "Again?" }).Key);
        Assert.NotEqual(Tier.Key, (Tier with { Prompt = "Which customer?" }).Key);
        Assert.NotEqual(Tier.Key, (Tier with { Choices = [new("New")] }).Key);
    }

    [Fact]
    public void Only_the_suggested_choice_is_styled_positive()
    {
        var card = Card(renderer.Render(Turn("directline"), Tier, isRetry: false));

        var styled = card.GetProperty("actions").EnumerateArray()
            .Where(a => a.TryGetProperty("style", out var style) && style.GetString() == "positive")
            .Select(a => a.GetProperty("title").GetString());
        Assert.Equal(["Regular"], styled);
    }

    [Fact]
    public void A_suggestion_that_is_no_choice_styles_nothing()
    {
        var card = Card(renderer.Render(Turn("directline"), Tier with { Suggested = "I'm so sorry" }, isRetry: false));

        Assert.All(card.GetProperty("actions").EnumerateArray(), a => Assert.False(a.TryGetProperty("style", out _)));
    }

    [Fact]
    public void A_skippable_prompt_gets_a_skip_button()
    {
        var card = Card(renderer.Render(Turn("directline"), Tier with { Skippable = true }, isRetry: false));

        var last = card.GetProperty("actions").EnumerateArray().Last();
        Assert.Equal("Skip", last.GetProperty("title").GetString());
        Assert.True(PromptInput.IsSkip(last.GetProperty("data").GetProperty("answer").GetString()));
    }

    [Fact]
    public void A_retry_shows_the_retry_prompt_with_the_same_buttons()
    {
        var card = Card(renderer.Render(Turn("directline"), Tier, isRetry: true));

        Assert.Equal("Pick one of the buttons.", card.GetProperty("body")[0].GetProperty("text").GetString());
        Assert.Equal(3, card.GetProperty("actions").GetArrayLength());
    }

    [Fact]
    public void A_prompt_without_choices_stays_text()
    {
        var options = new PromptOptions { Prompt = "What did the customer say?", Skippable = true };

        var reply = renderer.Render(Turn("directline"), options, isRetry: false);

        Assert.Null(reply.Attachments);
        Assert.Equal(new TextPromptRenderer().Render(Turn("directline"), options, false).Text, reply.Text);
    }

    [Theory]
    [InlineData("slack")]
    [InlineData("console")]
    [InlineData(null)]
    public void Channels_without_cards_get_the_text_renderers_numbered_list(string? channel)
    {
        var reply = renderer.Render(Turn(channel), Tier, isRetry: false);

        Assert.Null(reply.Attachments);
        var text = new TextPromptRenderer().Render(Turn(channel), Tier, false);
        Assert.Equal(text.Text, reply.Text);
        Assert.Equal(text.SuggestedActions!.Actions.Select(a => a.Title), reply.SuggestedActions!.Actions.Select(a => a.Title));
        Assert.Contains("3. VIP", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_card_reply_is_addressed_back_to_the_sender()
    {
        var turn = Turn("directline");

        var reply = renderer.Render(turn, Tier, isRetry: false);

        Assert.Equal(ActivityTypes.Message, reply.Type);
        Assert.Equal(turn.Activity.Id, reply.ReplyToId);
        Assert.Equal("bot", reply.From?.Id);
        Assert.Equal("staff-1", reply.Recipient?.Id);
        Assert.Equal("conv-1", reply.Conversation?.Id);
        AdaptiveCardAssert.RoundTrips(reply.Attachments![0]);
    }

    [Fact]
    public void AddAdaptiveCards_registers_the_card_renderer_as_the_prompt_renderer()
    {
        var services = new ServiceCollection();
        services.AddAdaptiveCards();
        using var provider = services.BuildServiceProvider();

        Assert.IsType<AdaptiveCardPromptRenderer>(provider.GetRequiredService<IPromptRenderer>());
    }

    /// <summary>The buttons of a Teams card: its ActionSets' actions in order.</summary>
    private static List<JsonElement> Buttons(JsonElement card) =>
        [.. card.GetProperty("body").EnumerateArray().Where(e => e.GetProperty("type").GetString() == "ActionSet").SelectMany(e => e.GetProperty("actions").EnumerateArray())];

    private static JsonElement Card(Activity reply) => AdaptiveCardAssert.IsValidCard(Assert.Single(reply.Attachments!));

    private static TurnContext Turn(string? channel) => new(new Activity
    {
        Type = ActivityTypes.Message,
        Id = "in-1",
        ChannelId = channel,
        Text = "hi",
        From = new ChannelAccount { Id = "staff-1", Name = "Sam" },
        Recipient = new ChannelAccount { Id = "bot", Name = "ServiceRecoveryBot" },
        Conversation = new ConversationAccount { Id = "conv-1" },
    }, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
}
