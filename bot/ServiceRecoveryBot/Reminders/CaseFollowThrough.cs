using System.Globalization;
using Microsoft.Extensions.Options;
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
    ITeamDirectory teams,
    IOptions<ManagerOptions> managers,
    IOptions<RecoveryOptions> recovery,
    IChannelCapabilities channels)
{
    public Task ScheduleFollowUpAsync(RecoveryCase c, CancellationToken ct) => c.FollowUpAt is { } due
        ? ScheduleWithEscalationAsync(c, "fu", ReminderKind.FollowUp, due, managers.Value.EscalateFollowUpAfter, EscalationNotes.FollowUp, ct)
        : Task.CompletedTask;

    public Task SchedulePromiseAsync(RecoveryCase c, CancellationToken ct) => c.Promise?.DueAt is { } due
        ? ScheduleWithEscalationAsync(c, "pr", ReminderKind.PromiseDue, due, managers.Value.EscalatePromiseAfter, EscalationNotes.Promise, ct)
        : Task.CompletedTask;

    /// <summary>The reminder to the staff member at <paramref name="due"/>, and the managers' escalation if it is still open later.</summary>
    private Task ScheduleWithEscalationAsync(RecoveryCase c, string prefix, ReminderKind kind, DateTimeOffset due, TimeSpan escalateAfter, string note, CancellationToken ct)
    {
        var late = due + escalateAfter;
        return Task.WhenAll(
            reminders.ScheduleAsync(new Reminder(Id(prefix, c, due), kind, c.TeamKey, c.Id.Value, due, c.StaffId), ct),
            reminders.ScheduleAsync(new Reminder(Id("esc", c, late), ReminderKind.Escalation, c.TeamKey, c.Id.Value, late, c.StaffId, note), ct));
    }

    /// <summary>
    /// Sends the approval card to the managers (their channel, or each one's personal chat) and schedules its
    /// escalation. In Teams the card's refresh names the managers, so they see the buttons and others the status.
    /// False when no manager could be reached.
    /// </summary>
    public async Task<bool> RequestApprovalAsync(RecoveryCase c, DateTimeOffset now, CancellationToken ct)
    {
        var due = now + managers.Value.EscalateApprovalAfter;
        await reminders.ScheduleAsync(new Reminder(Id("apr", c, due), ReminderKind.ApprovalEscalation, c.TeamKey, c.Id.Value, due, c.StaffId), ct);
        var deciders = await teams.ManagersAsync(c.TeamKey, ct);
        return await notifier.SendAsync(c.TeamKey, to => channels.ApprovalRequestCard(c, deciders, to.ChannelId, personal: to.Conversation.ConversationType == "personal"), ct) is { IsDelivered: true };
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
