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

    public Activity EscalationCard(RecoveryCase c, string reason) => ManagerCards.Escalation(c, reason);

    public Activity ApprovalRequestCard(RecoveryCase c) => ManagerCards.ApprovalRequest(c);

    public Activity ApprovalDecidedCard(RecoveryCase c, string decidedBy) => ManagerCards.ApprovalDecided(c, decidedBy);

    public Activity DigestCard(string title, IReadOnlyList<(string Heading, IReadOnlyList<CaseSummary> Cases)> sections) =>
        ManagerCards.Digest(title, sections);

    public (string Command, string CaseId, decimal? Amount)? ReadCardSubmit(Activity activity) => ManagerCards.ReadSubmit(activity);

    public Activity ReplacingCard(Activity submit, Activity card) => CardActions.Replacing(submit, card);
}
