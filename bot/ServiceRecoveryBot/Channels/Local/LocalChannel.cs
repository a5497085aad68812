using System.Collections.Concurrent;
using System.Globalization;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Channels.Local;

/// <summary>
/// An in-process channel for the console chat and the local Web Chat page: replies addressed to
/// <see cref="ServiceUrl"/> are appended to the conversation's transcript instead of going over HTTP.
/// </summary>
public sealed class LocalChannel(TimeProvider clock)
{
    public const string ServiceUrl = "http://localhost/_local/";

    private readonly ConcurrentDictionary<string, LocalTranscript> transcripts = new(StringComparer.Ordinal);

    public LocalTranscript Transcript(string conversationId) => transcripts.GetOrAdd(conversationId, _ => new LocalTranscript());

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
}
