using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Conversations.Recovery;

/// <summary>The recovery dialog's typed state: the case being worked on and what the bot suggested along the way.</summary>
public sealed class RecoveryDraft
{
    public RecoveryCase? Case { get; set; }
    public FailureCategory? SuggestedCategory { get; set; }
    public int? SuggestedSeverity { get; set; }
    public int? SuggestedLevel { get; set; }
    public string? PromiseText { get; set; }
    public bool PromiseAsked { get; set; }
}
