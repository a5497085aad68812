using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using ServiceRecoveryBot.Turns.Effects;
using ServiceRecoveryBot.Dialogs;

namespace ServiceRecoveryBot.Turns.State;

/// <summary>
/// What the bot remembers about one conversation between turns, one versioned document written with its ETag: the
/// dialog stack, recently processed activity ids (a redelivery runs once), the active case and the committed effects.
/// </summary>
public sealed class ConversationState
{
    /// <summary>Bump when the document's shape changes incompatibly; older documents restart politely.</summary>
    public const int CurrentSchemaVersion = 1;

    public const int RecentActivityLimit = 32;

    public int SchemaVersion { get; set; } = CurrentSchemaVersion;

    public DialogState Dialogs { get; set; } = new();

    /// <summary>
    /// The last <see cref="RecentActivityLimit"/> processed activity ids, oldest first, each as the first 8 bytes of its
    /// SHA-256 (base64 in the document), so the document written on every turn stays small.
    /// </summary>
    public byte[] RecentActivities { get; set; } = [];

    /// <summary>The ids as documents written before they were hashed keep them; read once, then written the new way.</summary>
    [JsonInclude]
    [JsonPropertyName("recentActivityIds")]
    private List<string>? LegacyRecentActivityIds
    {
        get => null;
        set
        {
            foreach (var id in value ?? []) MarkProcessed(id);
        }
    }

    public string? ActiveCaseId { get; set; }

    /// <summary>The bot has said hello in this conversation (so an install that sends two events greets once).</summary>
    public bool Greeted { get; set; }

    /// <summary>This conversation's reference is stored for proactive messages.</summary>
    public bool ReferenceStored { get; set; }

    /// <summary>A guidance walk the user is in the middle of (playbook id and step), if any.</summary>
    public string? GuidancePlaybook { get; set; }

    public int GuidanceStep { get; set; }

    /// <summary>The last practice case this conversation did, so "practice" again gives the next one.</summary>
    public string? LastPracticeId { get; set; }

    /// <summary>
    /// The outbox: committed turns whose replies or effects are not yet known to have run, oldest first; committed with
    /// the turn, dropped by a later commit once they ran (docs/ARCHITECTURE.md). Null when there are none.
    /// </summary>
    public List<CommittedTurn>? Outbox { get; set; }

    public bool HasProcessed(string? activityId)
    {
        if (activityId is null) return false;
        Span<byte> hash = stackalloc byte[HashLength];
        Hash(activityId, hash);
        for (var at = 0; at + HashLength <= RecentActivities.Length; at += HashLength)
        {
            if (RecentActivities.AsSpan(at, HashLength).SequenceEqual(hash)) return true;
        }
        return false;
    }

    public void MarkProcessed(string? activityId)
    {
        if (activityId is null) return;
        var kept = Math.Min(RecentActivities.Length / HashLength, RecentActivityLimit - 1) * HashLength;
        var next = new byte[kept + HashLength];
        RecentActivities.AsSpan(RecentActivities.Length - kept).CopyTo(next);
        Hash(activityId, next.AsSpan(kept));
        RecentActivities = next;
    }

    private const int HashLength = 8;

    /// <summary>The first <see cref="HashLength"/> bytes of the id's SHA-256; no allocation for ids of usual length.</summary>
    private static void Hash(string activityId, Span<byte> into)
    {
        var length = Encoding.UTF8.GetMaxByteCount(activityId.Length);
        Span<byte> utf8 = length <= 512 ? stackalloc byte[length] : new byte[length];
        Span<byte> full = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8[..Encoding.UTF8.GetBytes(activityId, utf8)], full);
        full[..HashLength].CopyTo(into);
    }
}
