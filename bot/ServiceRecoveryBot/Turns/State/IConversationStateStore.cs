namespace ServiceRecoveryBot.Turns.State;

/// <summary>Loads and saves a conversation's state with optimistic concurrency.</summary>
public interface IConversationStateStore
{
    Task<StoredConversationState?> LoadAsync(ConversationKey key, CancellationToken ct);

    /// <summary>Saves if the stored ETag still equals <paramref name="etag"/> (null: only if nothing is stored yet).</summary>
    Task<StateSaveResult> TrySaveAsync(ConversationKey key, ConversationState state, string? etag, CancellationToken ct);

    /// <summary>The conversations whose state, last committed no later than <paramref name="committedBefore"/>, holds effects not known to have run.</summary>
    IAsyncEnumerable<ConversationKey> WithPendingEffectsAsync(DateTimeOffset committedBefore, CancellationToken ct);
}

public sealed record StoredConversationState(ConversationState State, string ETag);

public sealed record StateSaveResult(bool Saved, string? ETag)
{
    public static StateSaveResult Conflict { get; } = new(false, null);
}

/// <summary>Identifies a conversation across channels: the channel id and the channel's conversation id.</summary>
public readonly record struct ConversationKey(string ChannelId, string ConversationId)
{
    public override string ToString() => ChannelId + ":" + ConversationId;
}
