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

    [Fact]
    public void Teams_gets_a_message_back_that_shows_the_title_and_sends_the_answer_as_text()
    {
        var card = Card(renderer.Render(Turn("msteams"), Tier, isRetry: false));
        var teams = card.GetProperty("actions")[2].GetProperty("data").GetProperty("msteams");

        Assert.Equal("messageBack", teams.GetProperty("type").GetString());
        Assert.Equal("VIP", teams.GetProperty("displayText").GetString());
        Assert.Equal("Vip", teams.GetProperty("text").GetString());
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
