using System.Collections.Concurrent;
using System.Globalization;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Channels.Local;

/// <summary>
/// An in-process channel for the console chat and the local Web Chat page: replies addressed to
/// <see cref="ServiceUrl"/> are appended to the conversation's transcript instead of going over HTTP. At most
/// <see cref="MaxConversations"/> transcripts are held: the one used least recently is forgotten first.
/// </summary>
public sealed class LocalChannel(TimeProvider clock)
{
    public const string ServiceUrl = "http://localhost/_local/";

    public const int MaxConversations = 1000;

    private readonly ConcurrentDictionary<string, (LocalTranscript Transcript, long LastUse)> transcripts = new(StringComparer.Ordinal);
    private long uses;

    public LocalTranscript Transcript(string conversationId)
    {
        var use = Interlocked.Increment(ref uses);
        var (transcript, _) = transcripts.AddOrUpdate(conversationId, _ => (new LocalTranscript(), use), (_, held) => (held.Transcript, use));
        if (transcripts.Count > MaxConversations) ForgetLeastRecentlyUsed(conversationId);
        return transcript;
    }

    /// <summary>How many conversations' transcripts are held.</summary>
    public int Conversations => transcripts.Count;

    public bool Owns(string serviceUrl) => string.Equals(serviceUrl, ServiceUrl, StringComparison.OrdinalIgnoreCase);

    public SendResult Deliver(Activity activity)
    {
        var conversationId = activity.Conversation?.Id ?? "";
        var transcript = Transcript(conversationId);
        var stored = transcript.Append(index => activity with
        {
            Id = $"{conversationId}|{index.ToString("D7", CultureInfo.InvariantCulture)}",
            Timestamp = clock.GetUtcNow(),
            ChannelId = activity.ChannelId ?? "directline",
        });
        return new SendResult(SendOutcome.Delivered, stored.Id);
    }

    private void ForgetLeastRecentlyUsed(string keep)
    {
        while (transcripts.Count > MaxConversations)
        {
            var oldest = transcripts.Where(t => t.Key != keep).MinBy(t => t.Value.LastUse);
            if (oldest.Key is null || !transcripts.TryRemove(oldest)) return;
        }
    }
}
