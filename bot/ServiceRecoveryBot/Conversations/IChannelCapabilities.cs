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

    /// <summary>A promise due: to the staff member, with the button that marks it kept.</summary>
    Activity PromiseReminderCard(RecoveryCase c);

    /// <summary>An overdue follow-up, with the buttons that record it or reassign the case.</summary>
    Activity EscalationCard(RecoveryCase c, string reason);

    /// <summary>An overdue promise, with the buttons that mark it kept or reassign the case.</summary>
    Activity PromiseEscalationCard(RecoveryCase c);

    /// <summary>An approval still waiting, with the buttons that decide it or reassign the case.</summary>
    Activity ApprovalEscalationCard(RecoveryCase c);

    /// <summary>
    /// The approval request as <paramref name="channelId"/> shows it; in Teams its refresh gives <paramref name="managerIds"/>
    /// the buttons, which a <paramref name="personal"/> chat (only its manager sees it) carries from the start.
    /// </summary>
    Activity ApprovalRequestCard(RecoveryCase c, IReadOnlyList<string> managerIds, string? channelId, bool personal = false);

    /// <summary>The approval card once decided ("Approved by Maria: $50").</summary>
    Activity ApprovalDecidedCard(RecoveryCase c);

    /// <summary>Asks who should take the case, with a box for a name or id.</summary>
    Activity ReassignFormCard(RecoveryCase c);

    /// <summary>The card after a reassignment: who has the case now.</summary>
    Activity ReassignedCard(RecoveryCase c, string by);

    /// <summary>True for a click that must be answered with the card that replaces the clicked one (Teams' Action.Execute), not a message.</summary>
    bool AnswersWithCard(Activity activity);

    /// <summary>The answer to such a click: the approval card as this user should see it (buttons for a manager while pending, else the status).</summary>
    InvokeResponse ApprovalCardAnswer(RecoveryCase c, bool isManager);

    /// <summary>The answer to such a click: <paramref name="card"/>'s card replacing the clicked one.</summary>
    InvokeResponse CardAnswer(Activity card);

    /// <summary>The answer to such a click on a card whose question is over: a card saying <paramref name="text"/>, without buttons.</summary>
    InvokeResponse ClosedCardAnswer(string text);

    Activity DigestCard(string title, IReadOnlyList<(string Heading, IReadOnlyList<CaseSummary> Cases)> sections);

    /// <summary>A card submit's command, case id, amount and person typed in the card, or null when the activity is not one.</summary>
    (string Command, string CaseId, decimal? Amount, string? To)? ReadCardSubmit(Activity activity);

    /// <summary><paramref name="card"/> addressed as an update of the card that <paramref name="submit"/> was sent from.</summary>
    Activity ReplacingCard(Activity submit, Activity card);
}
