using System.Collections.Concurrent;
using System.Text.Json;
using ServiceRecoveryBot.Turns.State;
using ServiceRecoveryBot.Dialogs;

namespace ServiceRecoveryBot.Testing;

/// <summary>A fake of the state store with the same ETag semantics (Add fails if present; update needs the current ETag).</summary>
public sealed class InMemoryConversationStateStore : IConversationStateStore
{
    private readonly ConcurrentDictionary<ConversationKey, (string Json, string ETag)> rows = new();
    private long version;

    public Task<StoredConversationState?> LoadAsync(ConversationKey key, CancellationToken ct) =>
        Task.FromResult(rows.TryGetValue(key, out var row)
            ? new StoredConversationState(JsonSerializer.Deserialize<ConversationState>(row.Json, DialogJson.Options)!, row.ETag)
            : null);

    public Task<StateSaveResult> TrySaveAsync(ConversationKey key, ConversationState state, string? etag, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(state, DialogJson.Options);
        var next = "v" + Interlocked.Increment(ref version);
        lock (rows)
        {
            var exists = rows.TryGetValue(key, out var current);
            if ((etag is null && exists) || (etag is not null && (!exists || current.ETag != etag))) return Task.FromResult(StateSaveResult.Conflict);
            rows[key] = (json, next);
        }
        return Task.FromResult(new StateSaveResult(true, next));
    }

    /// <summary>Every conversation whose state holds pending effects (the fake keeps no commit times).</summary>
    public async IAsyncEnumerable<ConversationKey> WithPendingEffectsAsync(DateTimeOffset committedBefore, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var (key, row) in rows.ToArray())
        {
            ct.ThrowIfCancellationRequested();
            if (JsonSerializer.Deserialize<ConversationState>(row.Json, DialogJson.Options)?.Outbox is { Count: > 0 }) yield return key;
        }
        await Task.CompletedTask;
    }
}
