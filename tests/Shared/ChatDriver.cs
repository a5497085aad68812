using ServiceRecoveryBot.Channels.Local;
using ServiceRecoveryBot.Turns;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Testing;

/// <summary>Drives one conversation through the real turn pipeline and collects the bot's replies from the local channel.</summary>
public sealed class ChatDriver(TurnProcessor turns, LocalChannel local, string conversationId, string user = "staff-1", string channelId = "test", string locale = "en-US")
{
    private int sequence;
    private int watermark = -1;

    public string ConversationId => conversationId;

    public async Task<IReadOnlyList<string>> SayAsync(string text, CancellationToken ct = default)
    {
        var outcome = await turns.ProcessAsync(Message(text), ct);
        Assert.NotEqual(TurnStatus.Rejected, outcome.Status);
        return Replies();
    }

    /// <summary>Says each message in turn, as a staff member answering question after question; returns the last replies.</summary>
    public async Task<IReadOnlyList<string>> SayEachAsync(params string[] texts)
    {
        IReadOnlyList<string> replies = [];
        foreach (var text in texts) replies = await SayAsync(text);
        return replies;
    }

    /// <summary>Sends a photo without a word, as staff on a phone sometimes do.</summary>
    public async Task<IReadOnlyList<string>> SendPhotoAsync(CancellationToken ct = default)
    {
        await turns.ProcessAsync(Message(null) with { Attachments = [new Attachment { ContentType = "image/jpeg", Name = "IMG_0421.jpg" }] }, ct);
        return Replies();
    }

    public async Task<IReadOnlyList<string>> SubmitAsync(string answer, CancellationToken ct = default)
    {
        var value = System.Text.Json.JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["answer"] = answer });
        await turns.ProcessAsync(Message(null) with { Value = value }, ct);
        return Replies();
    }

    public async Task<IReadOnlyList<string>> SubmitValueAsync(object value, CancellationToken ct = default)
    {
        await turns.ProcessAsync(Message(null) with { Value = System.Text.Json.JsonSerializer.SerializeToElement(value), ReplyToId = "card-1" }, ct);
        return Replies();
    }

    public Activity Message(string? text) => new()
    {
        Type = ActivityTypes.Message,
        Id = $"{conversationId}|{Interlocked.Increment(ref sequence):D5}",
        ChannelId = channelId,
        ServiceUrl = LocalChannel.ServiceUrl,
        Text = text,
        From = new ChannelAccount { Id = user, Name = "Sam" },
        Recipient = new ChannelAccount { Id = "bot", Name = "ServiceRecoveryBot" },
        Conversation = new ConversationAccount { Id = conversationId },
        Locale = locale,
    };

    public IReadOnlyList<string> Replies()
    {
        var (activities, next) = local.Transcript(conversationId).Since(watermark);
        watermark = next;
        return activities.Where(a => a.Type == ActivityTypes.Message).Select(a => a.Text ?? a.Summary ?? "").ToList();
    }

    /// <summary>Waits for the next message the bot delivers to this conversation that matches (as it arrives, before the turn ends).</summary>
    public async Task<string> NextReplyAsync(Func<string, bool> matches, CancellationToken ct = default)
    {
        var feed = local.Transcript(conversationId).Feed;
        while (await feed.WaitToReadAsync(ct))
        {
            while (feed.TryRead(out var activity))
                if (activity.Type == ActivityTypes.Message && activity.Text is { } text && matches(text)) return text;
        }
        throw new InvalidOperationException("The conversation's feed ended.");
    }

    public IReadOnlyList<Activity> AllActivities() => local.Transcript(conversationId).Since(-1).Activities;
}
