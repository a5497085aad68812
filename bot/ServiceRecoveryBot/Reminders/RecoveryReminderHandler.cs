using Microsoft.Extensions.Options;
using ServiceRecoveryBot.Conversations;
using ServiceRecoveryBot.Conversations.Managers;
using ServiceRecoveryBot.Dialogs;
using ServiceRecoveryBot.Operations;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Reminders;

/// <summary>
/// Does what a due reminder asks, after checking that it still applies (the case may have been closed, followed up or
/// rescheduled since): follow-up cards to the staff member and the managers' channel, promise nudges, escalations, and
/// the shift digest. Each delivery attempt is written to the case's timeline.
/// </summary>
public sealed class RecoveryReminderHandler(
    ICaseStore cases,
    ManagerChannelNotifier notifier,
    CaseFollowThrough followThrough,
    BotTelemetry telemetry,
    TimeProvider clock,
    IOptions<RecoveryOptions> recovery,
    IChannelCapabilities channels) : IReminderHandler
{
    public async Task<ReminderOutcome> HandleAsync(Reminder reminder, int attempt, CancellationToken ct)
    {
        if (reminder.Kind == ReminderKind.Digest) return await DigestAsync(reminder, ct);
        if (CaseId.TryParse(reminder.CaseId) is not { } id || await cases.FindAsync(reminder.TeamKey, id, ct) is not { } c)
            return ReminderOutcome.Obsolete;

        var (applies, sends) = reminder.Kind switch
        {
            ReminderKind.FollowUp => (c.Status == CaseStatus.AwaitingFollowUp && c.FollowUpAt == reminder.DueAt,
                Both(c, channels.FollowUpReminderCard(c, "Follow-up due"))),
            ReminderKind.PromiseDue => (c.IsOpen && c.Promise?.DueAt == reminder.DueAt && !c.Timeline.Any(e => e.Step == CaseStep.PromiseKept),
                StaffOnly(c, channels.PromiseReminderCard(c))),
            ReminderKind.Escalation when reminder.Note == EscalationNotes.Promise =>
                (c.IsOpen && c.Promise?.DueAt is { } due && due < reminder.DueAt && !c.Timeline.Any(e => e.Step == CaseStep.PromiseKept),
                ChannelOnly(c, channels.PromiseEscalationCard(c))),
            ReminderKind.Escalation => (c.Status == CaseStatus.AwaitingFollowUp && c.FollowUpAt is { } followUp && followUp < reminder.DueAt,
                ChannelOnly(c, channels.EscalationCard(c, "the follow-up is overdue"))),
            // Checked as it fires: a decided request, or a closed case, escalates nothing.
            ReminderKind.ApprovalEscalation => (c.IsOpen && c.Atonement is { Approval: ApprovalState.Pending, Decision: null },
                ChannelOnly(c, channels.ApprovalEscalationCard(c))),
            _ => (false, []),
        };
        if (!applies) return ReminderOutcome.Obsolete;

        // Written before sending, so an attempt that dies between claim and send still shows in the timeline.
        var step = reminder.Kind is ReminderKind.Escalation or ReminderKind.ApprovalEscalation ? CaseStep.Escalated : CaseStep.ReminderSent;
        c = c.Record(step, clock.GetUtcNow(), "bot", $"{reminder.Kind} attempt {attempt}: sending");
        await cases.SaveAsync(c, ct);

        var results = new List<(string To, SendResult? Result)>();
        foreach (var (to, send) in sends) results.Add((to, await send(ct)));
        var delivered = results.Where(r => r.Result?.IsDelivered == true).Select(r => r.To).ToList();
        var retry = delivered.Count == 0 && results.Any(r => r.Result is { Outcome: SendOutcome.Throttled or SendOutcome.Failed });
        var note = $"{reminder.Kind} attempt {attempt}: " + (delivered.Count > 0 ? "sent to " + string.Join(" and ", delivered) : retry ? "not delivered, will retry" : "nowhere to send");
        await cases.SaveAsync(c.Record(step, clock.GetUtcNow(), "bot", note), ct);
        telemetry.ReminderSent(reminder.Kind.ToString(), delivered.Count > 0 ? "delivered" : retry ? "retry" : "no-destination");
        return retry ? ReminderOutcome.RetryLater : ReminderOutcome.Delivered;
    }

    private async Task<ReminderOutcome> DigestAsync(Reminder reminder, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var zone = recovery.Value.Zone;
        var today = UserTimeZone.Today(now, zone);
        var open = (await cases.ListAsync(reminder.TeamKey, 1000, ct)).Where(c => c.Status is not (CaseStatus.Closed or CaseStatus.Discarded)).ToList();
        IReadOnlyList<CaseSummary> dueToday = open.Where(c => c.FollowUpAt is { } f && UserTimeZone.Today(f, zone) == today && f >= now).ToList();
        IReadOnlyList<CaseSummary> overdue = open.Where(c => c.FollowUpAt is { } f && f < now).ToList();
        IReadOnlyList<CaseSummary> flagged = open.Where(c => c.Flagged).ToList();
        var digest = channels.DigestCard($"Shift digest — {today:ddd d MMM}", [("Open cases", open), ("Follow-ups due today", dueToday), ("Overdue", overdue), ("Negative tone or flagged", flagged)]);
        var result = await notifier.SendAsync(reminder.TeamKey, digest, ct);
        if (result is { Outcome: SendOutcome.Throttled or SendOutcome.Failed }) return ReminderOutcome.RetryLater;
        telemetry.ReminderSent(nameof(ReminderKind.Digest), result?.IsDelivered == true ? "delivered" : "no-destination");
        if (result is not null) await followThrough.ScheduleDigestAsync(reminder.TeamKey, reminder.DueAt.AddMinutes(1), ct);
        return ReminderOutcome.Delivered;
    }

    private List<(string, Func<CancellationToken, Task<SendResult?>>)> Both(RecoveryCase c, Activity card) => [.. StaffOnly(c, card), .. ChannelOnly(c, card)];

    private List<(string, Func<CancellationToken, Task<SendResult?>>)> StaffOnly(RecoveryCase c, Activity card) =>
        [("staff", ct => notifier.SendToStaffAsync(c.TeamKey, c.StaffId, c.ConversationId, card, ct))];

    private List<(string, Func<CancellationToken, Task<SendResult?>>)> ChannelOnly(RecoveryCase c, Activity card) =>
        [("managers", ct => notifier.SendAsync(c.TeamKey, card, ct))];
}
