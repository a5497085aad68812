using ServiceRecoveryBot.Channels.Local;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Tests.Channels.Local;

public sealed class LocalTranscriptTests
{
    private static Activity Message(int index, int chars) => new() { Type = ActivityTypes.Message, Id = "c|" + index, Text = new string('x', chars) };

    [Fact]
    public void A_heavy_chat_keeps_only_the_newest_activities_within_the_byte_limit()
    {
        var transcript = new LocalTranscript();

        for (var i = 0; i < 400; i++) transcript.Append(index => Message(index, 20_000));

        Assert.True(transcript.Bytes <= LocalTranscript.MaxBytes, $"{transcript.Bytes} bytes kept.");
        var (kept, watermark) = transcript.Since(-1);
        Assert.Equal(399, watermark);
        Assert.Equal("c|399", kept[^1].Id);
        Assert.True(kept.Count < 400);
    }

    [Fact]
    public void A_long_chat_keeps_at_most_the_newest_activities_and_their_watermarks()
    {
        var transcript = new LocalTranscript();

        for (var i = 0; i < LocalTranscript.MaxActivities + 50; i++) transcript.Append(index => Message(index, 1));

        var (kept, watermark) = transcript.Since(-1);
        Assert.Equal(LocalTranscript.MaxActivities, kept.Count);
        Assert.Equal("c|50", kept[0].Id);
        Assert.Equal(LocalTranscript.MaxActivities + 49, watermark);
        var (newer, same) = transcript.Since(watermark - 1);
        Assert.Equal("c|" + watermark, Assert.Single(newer).Id);
        Assert.Equal(watermark, same);
    }

    [Fact]
    public void One_activity_larger_than_the_limit_is_still_kept_until_the_next()
    {
        var transcript = new LocalTranscript();

        transcript.Append(index => Message(index, (int)LocalTranscript.MaxBytes));

        Assert.Single(transcript.Since(-1).Activities);
    }

    [Fact]
    public void Many_conversations_keep_at_most_the_limit_forgetting_the_one_used_least_recently()
    {
        var local = new LocalChannel(TimeProvider.System);
        local.Transcript("first").Append(index => Message(index, 1));
        local.Transcript("second").Append(index => Message(index, 1));
        for (var i = 0; i < LocalChannel.MaxConversations; i++)
        {
            local.Transcript("first"); // in use all along
            local.Transcript("chat-" + i).Append(index => Message(index, 1));
        }

        Assert.Equal(LocalChannel.MaxConversations, local.Conversations);
        Assert.Single(local.Transcript("first").Since(-1).Activities);
        Assert.Empty(local.Transcript("second").Since(-1).Activities);
    }
}
