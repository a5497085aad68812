namespace ServiceRecoveryBot.Protocol;

/// <summary>What to keep about a conversation to message it later (proactively).</summary>
public sealed record ConversationReference
{
    public required string ChannelId { get; init; }
    public required string ServiceUrl { get; init; }
    public required ConversationAccount Conversation { get; init; }
    public ChannelAccount? Bot { get; init; }
    public ChannelAccount? User { get; init; }
    public string? ActivityId { get; init; }
    public string? Locale { get; init; }
}
