namespace ServiceRecoveryBot.Turns.References;

/// <summary>The conversations the bot can reach proactively, per team.</summary>
public interface IConversationReferenceStore
{
    Task UpsertAsync(StoredReference reference, CancellationToken ct);

    Task RemoveAsync(string teamKey, string conversationId, CancellationToken ct);

    Task<IReadOnlyList<StoredReference>> ListAsync(string teamKey, CancellationToken ct);
}
