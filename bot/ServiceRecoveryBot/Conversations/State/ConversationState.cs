using ServiceRecoveryBot.Conversations.Effects;
using ServiceRecoveryBot.Dialogs;

namespace ServiceRecoveryBot.Conversations.State;

/// <summary>
/// Everything the bot remembers about one conversation between turns, persisted as one versioned document with
/// ETag concurrency: the dialog stack, the ids of recently processed activities (so a redelivery is processed once),
/// which case the conversation is working on, and the effects of committed turns that have not run yet.
/// </summary>
public sealed class ConversationState
{
    /// <summary>Bump when the document's shape changes incompatibly; older documents restart politely.</summary>
    public const int CurrentSchemaVersion = 1;

    public const int RecentActivityLimit = 32;

    public int SchemaVersion { get; set; } = CurrentSchemaVersion;

    public DialogState Dialogs { get; set; } = new();

    public List<string> RecentActivityIds { get; set; } = [];

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
    /// Effects of committed turns not yet known to have run, oldest first: committed with the turn that asked for them,
    /// dropped by a later commit once they ran (<see cref="EffectsOutbox"/>). Null when there are none.
    /// </summary>
    public List<PendingEffects>? Outbox { get; set; }

    public bool HasProcessed(string? activityId) => activityId is not null && RecentActivityIds.Contains(activityId, StringComparer.Ordinal);

    public void MarkProcessed(string? activityId)
    {
        if (activityId is null) return;
        RecentActivityIds.Add(activityId);
        if (RecentActivityIds.Count > RecentActivityLimit) RecentActivityIds.RemoveRange(0, RecentActivityIds.Count - RecentActivityLimit);
    }
}
