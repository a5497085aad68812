using System.Text.Json;
using ServiceRecoveryBot.Channels.Teams;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Tests.Channels.Teams;

public sealed class TeamsActivityTests
{
    private static Entity Mention(string id, string name) => new()
    {
        Type = "mention",
        Properties = new Dictionary<string, JsonElement>
        {
            ["mentioned"] = JsonSerializer.SerializeToElement(new { id, name }),
            ["text"] = JsonSerializer.SerializeToElement($"<at>{name}</at>"),
        },
    };

    private static Activity Message(string text, params Entity[] entities) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = "msteams",
        Text = text,
        Recipient = new ChannelAccount { Id = "28:bot", Name = "Recovery" },
        Conversation = new ConversationAccount { Id = "19:x@thread.tacv2" },
        Entities = entities,
        ChannelData = JsonSerializer.SerializeToElement(new { tenant = new { id = "tenant-1" } }),
    };

    [Fact]
    public void The_bots_mention_is_removed_and_other_mentions_are_kept()
    {
        var normalized = TeamsActivity.Normalize(Message("<at>Recovery</at> ask <at>Ana</at> to call back", Mention("28:bot", "Recovery"), Mention("29:ana", "Ana")));
        Assert.Equal("ask <at>Ana</at> to call back", normalized.Text);
    }

    [Fact]
    public void The_tenant_is_copied_from_channel_data_into_the_conversation()
    {
        Assert.Equal("tenant-1", TeamsActivity.Normalize(Message("hi")).Conversation!.TenantId);
    }

    [Fact]
    public void Other_channels_are_left_as_they_came()
    {
        var activity = Message("<at>Recovery</at> hi", Mention("28:bot", "Recovery")) with { ChannelId = "slack" };
        Assert.Same(activity, TeamsActivity.Normalize(activity));
    }
}
