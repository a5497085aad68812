using System.Text.Json;
using ServiceRecoveryBot.Channels.Cards;
using ServiceRecoveryBot.Channels.Teams;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Tests.Channels.Teams;

/// <summary>In a Teams channel or group chat the bot hears only @mentions: its replies say so instead of "tap" or "say".</summary>
public sealed class GroupWordingTests
{
    [Theory]
    [InlineData("What did you do? Tap one or type it.", "What did you do? Press one, or @mention me with your answer.")]
    [InlineData("What did you offer? Tap one, type it, or \"skip\".", "What did you offer? Press one, @mention me with your answer, or \"skip\".")]
    [InlineData("Paused SR-7K3Q. Say \"resume SR-7K3Q\" when you're ready.", "Paused SR-7K3Q. @mention me with \"resume SR-7K3Q\" when you're ready.")]
    [InlineData("Looks like billing error. Right? Say yes, or pick another.", "Looks like billing error. Right? @mention me with yes, or pick another.")]
    [InlineData("Case SR-7K3Q opened. Say this now:", "Case SR-7K3Q opened. Say this now:")]
    public void Prompts_in_a_channel_say_mention_me(string text, string expected)
    {
        var reply = TeamsActivity.ForGroup(Reply("channel", text));

        Assert.Equal(expected, reply.Text);
    }

    /// <summary>A reply names only its conversation's id: Teams' channel and group chat ids tell it.</summary>
    [Fact]
    public void A_reply_that_names_only_a_channels_id_says_mention_me()
    {
        var reply = Reply("channel", "Tap one or type it.") with { Conversation = new ConversationAccount { Id = "19:general@thread.tacv2;messageid=17" } };

        Assert.Equal("Press one, or @mention me with your answer.", TeamsActivity.ForGroup(reply).Text);
        Assert.Equal("Tap one or type it.", TeamsActivity.ForGroup(reply with { Conversation = new ConversationAccount { Id = "a:1abc" } }).Text);
    }

    [Fact]
    public void A_cards_text_in_a_group_chat_says_mention_me_too()
    {
        var card = Reply("groupChat", null) with { Attachments = [AdaptiveCard.Attachment([AdaptiveCard.TextBlock("What did you do? Tap one or type it.")])] };

        var text = TeamsActivity.ForGroup(card).Attachments![0].Content!.Value.GetProperty("body")[0].GetProperty("text").GetString();

        Assert.Equal("What did you do? Press one, or @mention me with your answer.", text);
    }

    [Theory]
    [InlineData("personal", "msteams")]
    [InlineData("channel", "slack")]
    public void A_personal_chat_and_other_channels_keep_their_words(string conversationType, string channel)
    {
        var reply = Reply(conversationType, "What did you do? Tap one or type it.") with { ChannelId = channel };
        if (conversationType == "personal") reply = reply with { Conversation = new ConversationAccount { Id = "a:1abc", ConversationType = "personal" } };

        Assert.Same(reply, TeamsActivity.ForGroup(reply));
    }

    private static Activity Reply(string conversationType, string? text) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = "msteams",
        Text = text,
        Conversation = new ConversationAccount { Id = "19:abc@thread.tacv2", ConversationType = conversationType },
    };
}
