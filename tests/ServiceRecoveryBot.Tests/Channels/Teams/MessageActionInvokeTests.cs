using System.Text.Json;
using ServiceRecoveryBot.Channels.Teams.MessageActions;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Tests.Channels.Teams;

/// <summary>The message action's invoke as the bot reads it: the message's text without its HTML, its author, its thread.</summary>
public sealed class MessageActionInvokeTests
{
    [Theory]
    [InlineData("<div><div>Table 12 waited <b>50 min</b>, guest furious &amp; loud</div></div>", "Table 12 waited 50 min, guest furious & loud")]
    [InlineData("<p>first line</p><p>second&nbsp;&nbsp; line</p>", "first line\nsecond line")]
    [InlineData("<at id=\"0\">Maria</at> room 305<br/>no hot water", "Maria room 305\nno hot water")]
    public void A_messages_HTML_becomes_its_plain_text(string html, string text) => Assert.Equal(text, MessageActionInvoke.PlainText(html));

    [Fact]
    public void A_reply_in_a_thread_names_the_thread_it_is_in_and_its_author()
    {
        var invoke = new Activity
        {
            Type = ActivityTypes.Invoke,
            Name = MessageActionInvoke.FetchTaskName,
            Value = JsonSerializer.SerializeToElement(new
            {
                commandId = "logServiceRecovery",
                commandContext = "message",
                messagePayload = new { id = "222", replyToId = "111", body = new { contentType = "html", content = "<p>cold soup</p>" }, from = new { user = new { id = "u1", displayName = "Olo" } } },
            }),
        };

        var read = MessageActionInvoke.Read(invoke)!;

        Assert.Equal(("222", "111", "cold soup", "Olo"), (read.MessageId, read.ThreadRootId, read.MessageText, read.AuthorName));
    }

    [Fact]
    public void An_invoke_without_a_command_is_not_a_message_action() =>
        Assert.Null(MessageActionInvoke.Read(new Activity { Type = ActivityTypes.Invoke, Value = JsonSerializer.SerializeToElement(new { other = 1 }) }));
}
