using System.Collections.Concurrent;
using ServiceRecoveryBot.Turns.References;

namespace ServiceRecoveryBot.Testing;

public sealed class InMemoryConversationReferenceStore : IConversationReferenceStore
{
    private readonly ConcurrentDictionary<(string Team, string Conversation), StoredReference> references = new();

    public Task UpsertAsync(StoredReference reference, CancellationToken ct)
    {
        references[(reference.TeamKey, reference.ConversationId)] = reference;
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string teamKey, string conversationId, CancellationToken ct)
    {
        references.TryRemove((teamKey, conversationId), out _);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<StoredReference>> ListAsync(string teamKey, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<StoredReference>>(references.Values.Where(r => r.TeamKey == teamKey).ToList());
}
