using System.Text.Json;
using System.Text.Json.Nodes;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Testing;

namespace ServiceRecoveryBot.Tests.Protocol;

public sealed class ActivityJsonTests
{
    private static string Fixture(string name) => SharedFixtures.Fixture("teams", name);

    [Fact]
    public void A2005_unknown_fields_survive_a_round_trip()
    {
        var original = JsonNode.Parse(File.ReadAllText(Fixture("directline-message-with-unknown-fields.json")))!;
        var activity = JsonSerializer.Deserialize<Activity>(original.ToJsonString(), ActivityJson.Options)!;
        var roundTripped = JsonNode.Parse(ActivityJson.Serialize(activity))!;

        foreach (var (name, value) in original.AsObject())
        {
            if (value is null || name is "timestamp" or "localTimestamp") continue;
            Assert.True(JsonNode.DeepEquals(value, roundTripped[name]), $"'{name}' changed in the round trip");
        }
    }

    [Theory]
    [InlineData("teams-message-personal.json")]
    [InlineData("teams-message-channel-mention.json")]
    [InlineData("teams-invoke-adaptivecard-action.json")]
    [InlineData("teams-conversationupdate-bot-added-team.json")]
    [InlineData("teams-installationupdate-add-team.json")]
    [InlineData("teams-messagereaction-like.json")]
    [InlineData("teams-message-card-messageback-value.json")]
    public void Every_recorded_teams_payload_deserialises(string file)
    {
        var activity = JsonSerializer.Deserialize<Activity>(File.ReadAllText(Fixture(file)), ActivityJson.Options)!;
        Assert.False(string.IsNullOrEmpty(activity.Type));
        Assert.NotNull(activity.Conversation?.Id);
    }

    [Fact]
    public void Is_group_sent_as_a_string_is_read_leniently()
    {
        var activity = JsonSerializer.Deserialize<Activity>(File.ReadAllText(Fixture("teams-installationupdate-add-team.json")), ActivityJson.Options)!;
        Assert.True(activity.Conversation!.IsGroup);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/tenant/", "https://smba.trafficmanager.net/amer/tenant/v3/conversations")]
    [InlineData("https://smba.trafficmanager.net/amer", "https://smba.trafficmanager.net/amer/v3/conversations")]
    public void Service_url_and_path_are_joined_with_exactly_one_slash(string serviceUrl, string expected) =>
        Assert.Equal(expected, ConnectorClient.BuildUri(serviceUrl, "v3/conversations").ToString());

    [Fact]
    public void A_reply_is_addressed_back_to_the_sender()
    {
        var inbound = new Activity
        {
            Type = ActivityTypes.Message, Id = "in-1", ServiceUrl = "https://x/", ChannelId = "msteams",
            From = new ChannelAccount { Id = "29:user" }, Recipient = new ChannelAccount { Id = "28:bot", Name = "Bot" },
            Conversation = new ConversationAccount { Id = "a:conv" },
        };
        var reply = inbound.CreateReply("hi");
        Assert.Equal(("28:bot", "29:user", "a:conv", "in-1"), (reply.From!.Id, reply.Recipient!.Id, reply.Conversation!.Id, reply.ReplyToId));
        Assert.Null(reply.ServiceUrl);
        Assert.Null(reply.Id);
    }
}
