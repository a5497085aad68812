using System.Text.Json;
using ServiceRecoveryBot.Channels.DirectLine;
using ServiceRecoveryBot.Channels.Local;
using ServiceRecoveryBot.Conversations;
using ServiceRecoveryBot.Turns;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Tests.Conversations;
using ServiceRecoveryBot.Text;

namespace ServiceRecoveryBot.Tests.Channels.DirectLine;

public sealed class DirectLineBridgeTests : IDisposable
{
    private readonly BotHarness harness = new();
    private readonly DirectLineBridge bridge;

    public DirectLineBridgeTests() => bridge = new DirectLineBridge(harness.Turns, harness.Get<LocalChannel>(), harness.Clock);

    public void Dispose() => harness.Dispose();

    [Fact]
    public void Accept_assigns_an_indexed_id_and_the_server_time_and_keeps_what_the_client_sent()
    {
        var posted = ActivityJson.Deserialize("""
            {"type":"message","text":"hi","channelId":"webchat","serviceUrl":"https://elsewhere.example/",
             "conversation":{"id":"spoofed"},"from":{"id":"dev-user","role":"user"},
             "channelData":{"clientActivityID":"abc-1","state":"sent","deep":{"x":[1,2]}},"cci_unknown":"kept"}
            """u8)!;

        var accepted = bridge.Accept("conv-1", "dev-user", posted);

        Assert.Equal("conv-1|0000000", accepted.Id);
        Assert.Equal(harness.Clock.GetUtcNow(), accepted.Timestamp);
        Assert.Equal("directline", accepted.ChannelId);
        Assert.Equal("conv-1", accepted.Conversation?.Id);
        Assert.Equal(LocalChannel.ServiceUrl, accepted.ServiceUrl);
        Assert.Equal(DirectLineBridge.BotId, accepted.Recipient?.Id);
        Assert.Equal("""{"clientActivityID":"abc-1","state":"sent","deep":{"x":[1,2]}}""", accepted.ChannelData?.GetRawText());
        Assert.Equal("kept", accepted.Unmapped?["cci_unknown"].GetString());
        Assert.Equal("conv-1|0000001", bridge.Accept("conv-1", "dev-user", posted).Id);
    }

    [Fact]
    public void A_client_activity_without_a_sender_is_from_the_conversations_user()
    {
        var accepted = bridge.Accept("conv-1", "dev-user", new Activity { Type = ActivityTypes.Message, Text = "hi" });

        Assert.Equal("dev-user", accepted.From?.Id);
        Assert.Equal("user", accepted.From?.Role);
    }

    [Fact]
    public void Read_returns_what_follows_the_watermark_and_the_index_of_the_last_activity()
    {
        for (var i = 0; i < 3; i++) bridge.Accept("conv-1", "u", new Activity { Type = ActivityTypes.Message, Text = $"m{i}" });

        var all = bridge.Read("conv-1", "");
        var rest = bridge.Read("conv-1", "0");

        Assert.Equal(["m0", "m1", "m2"], all.Activities.Select(a => a.Text));
        Assert.Equal("2", all.Watermark);
        Assert.Equal(["m1", "m2"], rest.Activities.Select(a => a.Text));
        Assert.Equal("2", rest.Watermark);
    }

    [Fact]
    public void Read_at_the_latest_watermark_is_empty_and_keeps_the_watermark()
    {
        bridge.Accept("conv-1", "u", new Activity { Type = ActivityTypes.Message, Text = "m0" });

        var page = bridge.Read("conv-1", "0");

        Assert.Empty(page.Activities);
        Assert.Equal("0", page.Watermark);
        Assert.Null(bridge.Read("conv-2", null).Watermark);
    }

    [Fact]
    public void A_watermark_in_another_format_reads_from_the_start()
    {
        bridge.Accept("conv-1", "u", new Activity { Type = ActivityTypes.Message, Text = "m0" });

        Assert.Single(bridge.Read("conv-1", "0001a-95").Activities);
    }

    [Fact]
    public async Task Start_makes_the_bot_greet_into_the_transcript_without_echoing_the_conversation_update()
    {
        var outcome = await bridge.StartAsync("conv-1", "dev-user", CancellationToken.None);

        Assert.Equal(TurnStatus.Processed, outcome.Status);
        var greeting = Assert.Single(bridge.Read("conv-1", null).Activities);
        Assert.Equal(Replies.English.Welcome, greeting.Text);
        Assert.Equal(DirectLineBridge.BotId, greeting.From?.Id);
        Assert.Equal("directline", greeting.ChannelId);
    }

    [Fact]
    public async Task A_delivered_message_is_answered_after_its_echo()
    {
        var accepted = bridge.Accept("conv-1", "dev-user", new Activity { Type = ActivityTypes.Message, Text = "help", From = new ChannelAccount { Id = "dev-user", Role = "user" } });

        await bridge.DeliverAsync(accepted, CancellationToken.None);

        var page = bridge.Read("conv-1", null).Activities;
        Assert.Equal(accepted.Id, page[0].Id);
        Assert.Equal(accepted.Id, page[1].ReplyToId);
        Assert.Equal(Replies.English.Help, page[1].Text);
    }

    [Fact]
    public void The_activity_set_serialises_as_direct_line_does()
    {
        bridge.Accept("conv-1", "u", new Activity { Type = ActivityTypes.Message, Text = "m0" });

        using var json = JsonDocument.Parse(ActivityJson.Serialize(bridge.Read("conv-1", null)));

        Assert.Equal("0", json.RootElement.GetProperty("watermark").GetString());
        Assert.Equal("m0", json.RootElement.GetProperty("activities")[0].GetProperty("text").GetString());
    }
}
