using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace ServiceRecoveryBot.Channels.DirectLine;

/// <summary>
/// The local Direct Line's conversations and their tokens, in memory: each conversation has a user, and any number of
/// opaque random tokens (one at start, one more per refresh), each valid for <see cref="TokenLifetime"/>. At most
/// <see cref="MaxConversations"/> are held: the oldest started is forgotten first, with its tokens.
/// </summary>
public sealed class DirectLineConversations(TimeProvider clock)
{
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(30);

    public const int MaxConversations = 1000;

    private readonly ConcurrentDictionary<string, string> users = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DirectLineToken> tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> started = new();

    /// <summary>Opens a conversation for <paramref name="userId"/> and issues its first token.</summary>
    public DirectLineToken Start(string userId)
    {
        ForgetExpiredTokens();
        var conversationId = RandomId(16);
        users[conversationId] = userId;
        started.Enqueue(conversationId);
        while (users.Count > MaxConversations && started.TryDequeue(out var oldest)) Forget(oldest);
        return Issue(conversationId);
    }

    /// <summary>How many conversations are held.</summary>
    public int Count => users.Count;

    private void Forget(string conversationId)
    {
        users.TryRemove(conversationId, out _);
        foreach (var (value, token) in tokens)
        {
            if (token.ConversationId == conversationId) tokens.TryRemove(value, out _);
        }
    }

    public bool Exists(string conversationId) => users.ContainsKey(conversationId);

    public string? UserOf(string conversationId) => users.GetValueOrDefault(conversationId);

    /// <summary>The current (unexpired) token with this value, if any.</summary>
    public DirectLineToken? Find(string? token) =>
        token is not null && tokens.TryGetValue(token, out var found) && found.ExpiresAt > clock.GetUtcNow() ? found : null;

    public DirectLineAccess Authorize(string? token, string conversationId)
    {
        if (Find(token) is not { } found) return DirectLineAccess.Forbidden;
        if (!Exists(conversationId)) return DirectLineAccess.NotFound;
        return string.Equals(found.ConversationId, conversationId, StringComparison.Ordinal) ? DirectLineAccess.Granted : DirectLineAccess.Forbidden;
    }

    /// <summary>A fresh token for the same conversation; null when <paramref name="token"/> is unknown or expired.</summary>
    public DirectLineToken? Refresh(string? token) => Find(token) is { } current ? Issue(current.ConversationId) : null;

    /// <summary>The start/refresh answer for a token: its conversation, the token, and the seconds it has left.</summary>
    public DirectLineConversationResponse Describe(DirectLineToken token) =>
        new(token.ConversationId, token.Value, (int)Math.Max(0, Math.Ceiling((token.ExpiresAt - clock.GetUtcNow()).TotalSeconds)));

    private DirectLineToken Issue(string conversationId)
    {
        var token = new DirectLineToken(RandomId(32), conversationId, clock.GetUtcNow() + TokenLifetime);
        tokens[token.Value] = token;
        return token;
    }

    private void ForgetExpiredTokens()
    {
        var now = clock.GetUtcNow();
        foreach (var (value, token) in tokens)
        {
            if (token.ExpiresAt <= now) tokens.TryRemove(value, out _);
        }
    }

    /// <summary>URL-safe random text; never contains '|', which separates a conversation id from an activity index.</summary>
    private static string RandomId(int bytes) =>
        System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));
}
