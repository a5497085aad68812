using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Recovery.Playbooks;

namespace ServiceRecoveryBot.Conversations;

/// <summary>
/// What a channel can show (typing, cards), whose team a conversation is in, and the cards themselves: asked of
/// Channels, the only folder that knows Teams and Slack, so turns, dialogs and reminders stay channel-neutral.
/// </summary>
public interface IChannelCapabilities
{
    bool ShowsTyping(string? channelId);

    bool SupportsCards(string? channelId);

    /// <summary>The team the conversation belongs to, when it is a team channel.</summary>
    (string Id, string? Name)? TeamOf(Activity activity);

    Attachment CaseSummaryCard(RecoveryCase c, RecoveryPlaybook playbook);

    Activity FollowUpReminderCard(RecoveryCase c, string heading);

    Activity EscalationCard(RecoveryCase c, string reason);

    Activity ApprovalRequestCard(RecoveryCase c);

    Activity ApprovalDecidedCard(RecoveryCase c, string decidedBy);

    Activity DigestCard(string title, IReadOnlyList<(string Heading, IReadOnlyList<CaseSummary> Cases)> sections);

    /// <summary>A card submit's command, case id and amount, or null when the activity is not one.</summary>
    (string Command, string CaseId, decimal? Amount)? ReadCardSubmit(Activity activity);

    /// <summary><paramref name="card"/> addressed as an update of the card that <paramref name="submit"/> was sent from.</summary>
    Activity ReplacingCard(Activity submit, Activity card);
}
