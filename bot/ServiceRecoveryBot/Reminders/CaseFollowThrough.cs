using System.Globalization;
using Microsoft.Extensions.Options;
using ServiceRecoveryBot.Channels.Cards;
using ServiceRecoveryBot.Conversations;
using ServiceRecoveryBot.Conversations.Managers;
using ServiceRecoveryBot.Dialogs;
using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Reminders;

/// <summary>
/// What happens after a recovery step is committed: follow-up, promise and escalation reminders are scheduled, and an
/// approval request goes to the managers' channel (with its own escalation). Idempotent: reminder ids derive from the
/// case and the due time, so running it twice schedules once.
/// </summary>
public sealed class CaseFollowThrough(
    IReminderScheduler reminders,
    ManagerChannelNotifier notifier,
    IOptions<ManagerOptions> managers,
    IOptions<RecoveryOptions> recovery)
{
    public async Task ScheduleFollowUpAsync(RecoveryCase c, CancellationToken ct)
    {
        if (c.FollowUpAt is not { } due) return;
        var late = due + managers.Value.EscalateFollowUpAfter;
        await Task.WhenAll(
            reminders.ScheduleAsync(new Reminder(Id("fu", c, due), ReminderKind.FollowUp, c.TeamKey, c.Id.Value, due, c.StaffId), ct),
            reminders.ScheduleAsync(new Reminder(Id("esc", c, late), ReminderKind.Escalation, c.TeamKey, c.Id.Value, late, c.StaffId, EscalationNotes.FollowUp), ct));
    }

    public async Task SchedulePromiseAsync(RecoveryCase c, CancellationToken ct)
    {
        if (c.Promise?.DueAt is not { } due) return;
        var late = due + managers.Value.EscalatePromiseAfter;
        await Task.WhenAll(
            reminders.ScheduleAsync(new Reminder(Id("pr", c, due), ReminderKind.PromiseDue, c.TeamKey, c.Id.Value, due, c.StaffId), ct),
            reminders.ScheduleAsync(new Reminder(Id("esc", c, late), ReminderKind.Escalation, c.TeamKey, c.Id.Value, late, c.StaffId, EscalationNotes.Promise), ct));
    }

    /// <summary>Sends the approval card to the managers' channel and schedules its escalation. False when the team has no channel.</summary>
    public async Task<bool> RequestApprovalAsync(RecoveryCase c, DateTimeOffset now, CancellationToken ct)
    {
        var due = now + managers.Value.EscalateApprovalAfter;
        await reminders.ScheduleAsync(new Reminder(Id("apr", c, due), ReminderKind.ApprovalEscalation, c.TeamKey, c.Id.Value, due, c.StaffId), ct);
        return await notifier.SendAsync(c.TeamKey, ManagerCards.ApprovalRequest(c), ct) is { IsDelivered: true };
    }

    /// <summary>The team's next digest at the configured local time.</summary>
    public Task ScheduleDigestAsync(string teamKey, DateTimeOffset now, CancellationToken ct)
    {
        var zone = recovery.Value.Zone;
        var today = UserTimeZone.Today(now, zone);
        var due = UserTimeZone.At(today, managers.Value.DigestTime, zone);
        if (due <= now) due = UserTimeZone.At(today.AddDays(1), managers.Value.DigestTime, zone);
        return reminders.ScheduleAsync(new Reminder($"digest|{teamKey}|{due.UtcDateTime:yyyyMMdd}", ReminderKind.Digest, teamKey, null, due), ct);
    }

    private static string Id(string kind, RecoveryCase c, DateTimeOffset due) =>
        $"{kind}|{c.Id.Value}|{due.UtcTicks.ToString(CultureInfo.InvariantCulture)}";
}
