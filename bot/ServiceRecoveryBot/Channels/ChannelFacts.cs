using ServiceRecoveryBot.Channels.Cards;
using ServiceRecoveryBot.Channels.Teams;
using ServiceRecoveryBot.Conversations;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Recovery.Playbooks;

namespace ServiceRecoveryBot.Channels;

/// <summary>Answers <see cref="IChannelCapabilities"/> from <see cref="ChannelCapabilities"/>, the cards and the Teams helpers.</summary>
public sealed class ChannelFacts : IChannelCapabilities
{
    public bool ShowsTyping(string? channelId) => ChannelCapabilities.ShowsTyping(channelId);

    public bool SupportsCards(string? channelId) => ChannelCapabilities.SupportsCards(channelId);

    public (string Id, string? Name)? TeamOf(Activity activity) => TeamsActivity.TeamOf(activity);

    public Attachment CaseSummaryCard(RecoveryCase c, RecoveryPlaybook playbook) => Cards.CaseSummaryCard.Build(c, playbook);

    public Activity FollowUpReminderCard(RecoveryCase c, string heading) => ManagerCards.FollowUpReminder(c, heading);

    public Activity PromiseReminderCard(RecoveryCase c) => ManagerCards.PromiseReminder(c);

    public Activity EscalationCard(RecoveryCase c, string reason) => ManagerCards.Escalation(c, reason);

    public Activity PromiseEscalationCard(RecoveryCase c) => ManagerCards.PromiseEscalation(c);

    public Activity ApprovalEscalationCard(RecoveryCase c) => ManagerCards.ApprovalEscalation(c);

    public Activity ApprovalRequestCard(RecoveryCase c, IReadOnlyList<string> managerIds, string? channelId, bool personal = false) =>
        ManagerCards.ApprovalRequest(c, managerIds, universalActions: channelId == TeamsActivity.ChannelId, personal);

    public Activity ApprovalDecidedCard(RecoveryCase c) => ManagerCards.ApprovalDecided(c);

    public Activity ReassignFormCard(RecoveryCase c) => ManagerCards.ReassignForm(c);

    public Activity ReassignedCard(RecoveryCase c, string by) => ManagerCards.Reassigned(c, by);

    public bool AnswersWithCard(Activity activity) => CardActions.IsExecute(activity);

    public InvokeResponse ApprovalCardAnswer(RecoveryCase c, bool isManager) => CardActions.CardResponse(ManagerCards.ApprovalView(c, isManager));

    public InvokeResponse CardAnswer(Activity card) => CardActions.CardResponse(CardActions.CardOf(card));

    public InvokeResponse ClosedCardAnswer(string text) => CardActions.Closed(text);

    public Activity DigestCard(string title, IReadOnlyList<(string Heading, IReadOnlyList<CaseSummary> Cases)> sections) =>
        ManagerCards.Digest(title, sections);

    public (string Command, string CaseId, decimal? Amount, string? To)? ReadCardSubmit(Activity activity) => ManagerCards.ReadSubmit(activity);

    public Activity ReplacingCard(Activity submit, Activity card) => CardActions.Replacing(submit, card);
}
