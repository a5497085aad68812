using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Conversations.FollowUp;

/// <summary>The follow-up dialog's typed state.</summary>
public sealed class FollowUpDraft
{
    public RecoveryCase? Case { get; set; }
    public bool Reached { get; set; }
    public int? Satisfaction { get; set; }
    public string? CustomerWords { get; set; }
    public bool Recovered { get; set; }
    public string? RootCause { get; set; }
    public string? RootCauseDetail { get; set; }
    public string? Lesson { get; set; }
}
