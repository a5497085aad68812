using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServiceRecoveryBot.Channels.Slack;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Tests.Channels.Slack;

/// <summary>Recorded Slack requests: which are turns, and the activity each becomes.</summary>
public sealed class SlackInboundTests
{
    private const string Api = "http://127.0.0.1:1/api/";

    [Fact]
    public void The_recorded_signature_is_valid_within_five_minutes_of_its_timestamp_and_not_after()
    {
        var vector = SlackFixtures.Read("signed_request_slash_command.json");
        var secret = vector.GetProperty("signing_secret").GetString()!;
        var headers = vector.GetProperty("headers");
        var timestamp = headers.GetProperty("X-Slack-Request-Timestamp").GetString();
        var signature = headers.GetProperty("X-Slack-Signature").GetString();
        var body = Encoding.UTF8.GetBytes(vector.GetProperty("raw_body").GetString()!);
        var signedAt = DateTimeOffset.FromUnixTimeSeconds(1531420618);

        Assert.True(SlackSignature.IsValid(secret, timestamp, signature, body, signedAt.AddSeconds(299), TimeSpan.FromMinutes(5)));
        Assert.False(SlackSignature.IsValid(secret, timestamp, signature, body, signedAt.AddSeconds(301), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void A_changed_body_or_another_secret_fails_the_signature()
    {
        var vector = SlackFixtures.Read("signed_request_slash_command.json");
        var headers = vector.GetProperty("headers");
        var timestamp = headers.GetProperty("X-Slack-Request-Timestamp").GetString();
        var signature = headers.GetProperty("X-Slack-Signature").GetString();
        var raw = vector.GetProperty("raw_body").GetString()!;
        var at = DateTimeOffset.FromUnixTimeSeconds(1531420618);

        Assert.False(SlackSignature.IsValid(vector.GetProperty("signing_secret").GetString()!, timestamp, signature, Encoding.UTF8.GetBytes(raw.Replace("text=", "text=x", StringComparison.Ordinal)), at, TimeSpan.FromMinutes(5)));
        Assert.False(SlackSignature.IsValid("another-secret", timestamp, signature, Encoding.UTF8.GetBytes(raw), at, TimeSpan.FromMinutes(5)));
        Assert.False(SlackSignature.IsValid("another-secret", timestamp, null, Encoding.UTF8.GetBytes(raw), at, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void A_direct_message_is_a_turn_in_its_own_conversation()
    {
        var turn = SlackInbound.FromEvent(SlackFixtures.Read("event_callback_message_im.json"), Api)!;

        var activity = turn.Activity;
        Assert.False(turn.OnlyIfConversationExists);
        Assert.Equal((ActivityTypes.Message, "slack", "D024BE91L", "U2147483697"), (activity.Type, activity.ChannelId, activity.Conversation!.Id, activity.From!.Id));
        Assert.Equal("Hello hello can you hear me?", activity.Text);
        Assert.Equal("T061EG9R6", activity.Conversation.TenantId);
        Assert.Equal("D024BE91L:1355517523.000005", activity.Id);
        Assert.Equal(Api, activity.ServiceUrl);
    }

    [Fact]
    public void A_mention_in_a_channel_starts_a_thread_of_its_own_without_the_mention_in_its_text()
    {
        var activity = SlackInbound.FromEvent(SlackFixtures.Read("event_callback_app_mention.json"), Api)!.Activity;

        Assert.Equal("C0LAN2Q65:1515449483.000108", activity.Conversation!.Id);
        Assert.True(activity.Conversation.IsGroup);
        Assert.Equal("You can count on for an honorable mention.", activity.Text);
    }

    [Fact]
    public void A_reply_in_a_channel_thread_continues_that_thread_if_it_is_a_conversation_with_the_bot()
    {
        var turn = SlackInbound.FromEvent(SlackFixtures.Read("event_callback_message_thread_reply.json"), Api)!;

        Assert.True(turn.OnlyIfConversationExists);
        Assert.EndsWith(":" + ThreadOf("event_callback_message_thread_reply.json"), turn.Activity.Conversation!.Id, StringComparison.Ordinal);
    }

    [Fact]
    public void Opening_the_bots_messages_tab_is_a_first_contact_in_that_DM()
    {
        var turn = SlackInbound.FromEvent(Envelope("""{"type":"app_home_opened","user":"U061F7AUR","channel":"D0LAN2Q65","tab":"messages","event_ts":"1515449522000016"}"""), Api)!;

        Assert.Equal(ActivityTypes.ConversationUpdate, turn.Activity.Type);
        Assert.Equal("D0LAN2Q65", turn.Activity.Conversation!.Id);
        Assert.Equal("U061F7AUR", Assert.Single(turn.Activity.MembersAdded!).Id);
        Assert.Null(SlackInbound.FromEvent(Envelope("""{"type":"app_home_opened","user":"U061F7AUR","channel":"D0LAN2Q65","tab":"home"}"""), Api));
    }

    [Fact]
    public void The_bot_joining_a_channel_is_a_first_contact_there_and_anyone_else_joining_is_not()
    {
        var joined = SlackInbound.FromEvent(Envelope("""{"type":"member_joined_channel","user":"U0LAN0Z89","channel":"C0698JE0H","channel_type":"C","team":"T061EG9R6"}"""), Api)!;

        Assert.Equal(("C0698JE0H", "channel"), (joined.Activity.Conversation!.Id, joined.Activity.Conversation.ConversationType));
        Assert.Null(SlackInbound.FromEvent(Envelope("""{"type":"member_joined_channel","user":"W06GH7XHN","channel":"C0698JE0H","channel_type":"C"}"""), Api));
    }

    private static JsonElement Envelope(string eventJson) => JsonSerializer.Deserialize<JsonElement>(
        $$"""{"type":"event_callback","team_id":"T061EG9R6","event":{{eventJson}},"event_id":"Ev0LAN670R","authorizations":[{"user_id":"U0LAN0Z89","is_bot":true}]}""");

    [Fact]
    public void A_shared_photo_is_a_turn_whose_caption_is_the_text_and_whose_file_is_named_not_read()
    {
        var withCaption = SlackInbound.FromEvent(Envelope("""{"type":"message","subtype":"file_share","user":"U2147483697","channel":"D024BE91L","channel_type":"im","ts":"1700000000.000700","text":"the steak","files":[{"id":"F1","name":"IMG_0421.jpg","mimetype":"image/jpeg"}]}"""), Api)!;
        var bare = SlackInbound.FromEvent(Envelope("""{"type":"message","subtype":"file_share","user":"U2147483697","channel":"D024BE91L","channel_type":"im","ts":"1700000000.000800","text":""}"""), Api)!;

        Assert.Equal("the steak", withCaption.Activity.Text);
        Assert.Equal(("image/jpeg", "IMG_0421.jpg"), (Assert.Single(withCaption.Activity.Attachments!).ContentType, withCaption.Activity.Attachments![0].Name));
        Assert.Equal("", bare.Activity.Text);
        Assert.Single(bare.Activity.Attachments!);
    }

    [Fact]
    public void An_edited_message_is_not_a_turn() =>
        Assert.Null(SlackInbound.FromEvent(Envelope("""{"type":"message","subtype":"message_changed","channel":"D024BE91L","channel_type":"im","ts":"1700000000.000900","user":"U2147483697"}"""), Api));

    [Theory]
    [InlineData("event_callback_message_from_app_bot.json")]
    [InlineData("event_callback_message_bot_message_subtype.json")]
    public void Messages_from_bots_are_not_turns(string fixture) => Assert.Null(SlackInbound.FromEvent(SlackFixtures.Read(fixture), Api));

    [Fact]
    public void Channel_chatter_outside_a_thread_is_not_a_turn()
    {
        var chatter = JsonNode.Parse(SlackFixtures.Read("event_callback_message_im.json").GetRawText())!;
        chatter["event"]!["channel"] = "C0LAN2Q65";
        chatter["event"]!["channel_type"] = "channel";

        Assert.Null(SlackInbound.FromEvent(JsonSerializer.Deserialize<JsonElement>(chatter.ToJsonString()), Api));
    }

    [Fact]
    public void A_button_press_is_the_answer_its_value_holds()
    {
        var activity = SlackInbound.FromInteraction(SlackFixtures.Read("interaction_block_actions.json"), Api)!;

        Assert.Equal("click_me_123", activity.Text);
        Assert.Equal("UA8RXUSPL", activity.From!.Id);
        Assert.Equal("CBR2V3XEX", activity.Conversation!.Id);
        Assert.Equal("T9TK3CUKW", activity.Conversation.TenantId);
    }

    [Fact]
    public void A_button_on_a_message_in_a_thread_answers_that_threads_conversation()
    {
        var payload = JsonNode.Parse(SlackFixtures.Read("interaction_block_actions.json").GetRawText())!;
        payload["message"]!["thread_ts"] = "1548261200.000100";

        var activity = SlackInbound.FromInteraction(JsonSerializer.Deserialize<JsonElement>(payload.ToJsonString()), Api)!;

        Assert.Equal("CBR2V3XEX:1548261200.000100", activity.Conversation!.Id);
    }

    [Fact]
    public void A_slash_command_is_a_message_with_its_text_and_an_empty_one_asks_for_help()
    {
        var fields = SlackFixtures.Read("slash_command.json").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
        var activity = SlackInbound.FromCommand(fields, Api)!;

        Assert.Equal(fields["text"].Trim() is { Length: > 0 } text ? text : "help", activity.Text);
        Assert.Equal(fields["channel_id"], activity.Conversation!.Id);
        Assert.Equal("help", SlackInbound.FromCommand(new Dictionary<string, string> { ["user_id"] = "U1", ["channel_id"] = "D1", ["text"] = " " }, Api)!.Text);
    }

    private static string ThreadOf(string fixture) => SlackFixtures.Read(fixture).GetProperty("event").GetProperty("thread_ts").GetString()!;
}
