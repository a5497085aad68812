using System.Text.Json;
using ServiceRecoveryBot.Conversations;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Reminders;
using ServiceRecoveryBot.Tests.Conversations;

namespace ServiceRecoveryBot.Tests.Managers;

/// <summary>The managers' channel, approvals, reminders and the follow-up dialog, through the real pipeline with fakes for storage.</summary>
public sealed class ManagerFlowTests : IDisposable
{
    private readonly BotHarness bot = new(new Dictionary<string, string?>
    {
        ["Managers:Teams:0:TeamKey"] = "local",
        ["Managers:Teams:0:UserIds:0"] = "manager-1",
    });

    public void Dispose() => bot.Dispose();

    private async Task<(Testing.ChatDriver Staff, Testing.ChatDriver Managers, RecoveryCase Case)> RecoveryWithOfferAsync(string offer)
    {
        var managers = bot.Chat("managers-channel", "manager-1");
        Assert.Contains(await managers.SayAsync("register channel"), r => r.Contains("recovery channel", StringComparison.Ordinal));
        var staff = bot.Chat("staff-chat", "staff-1");
        await staff.SayAsync("No reservation on file for the Okafor couple but they have our confirmation. We're sold out.");
        await staff.SayEachAsync("1", "skip", "regular", "We've been travelling for fourteen hours.", "1", "done", "skip", "1");
        var atone = await staff.SayAsync(offer);
        Assert.NotEmpty(atone);
        await staff.SayAsync("skip");
        await staff.SayAsync("ok");
        return (staff, managers, Assert.Single(bot.Cases.All));
    }

    [Fact]
    public async Task An_offer_above_authority_asks_the_managers_channel_and_the_staff_member_hears_the_decision_at_once()
    {
        var (staff, managers, c) = await RecoveryWithOfferAsync("$120 credit for a night elsewhere");
        Assert.Equal(ApprovalState.Pending, c.Atonement?.Approval);
        Assert.Contains(managers.Replies(), r => r.Contains($"Approval needed for {c.Id}", StringComparison.Ordinal));

        Assert.Contains(await staff.SayAsync($"approve {c.Id}"), r => r.Contains("Only managers", StringComparison.Ordinal));

        var decision = await managers.SubmitValueAsync(new { command = "approve", caseId = c.Id.Value });
        Assert.Contains(decision, r => r.StartsWith("Approved by Sam: $120", StringComparison.Ordinal));
        Assert.Contains(staff.Replies(), r => r.Contains("Good news: Sam approved $120 credit for a night elsewhere ($120)", StringComparison.Ordinal));
        var decided = Assert.Single(bot.Cases.All);
        Assert.Equal(ApprovalState.Approved, decided.Atonement?.Approval);
        Assert.Contains(decided.Timeline, e => e.Step == CaseStep.ApprovalDecided && e.By == "manager-1");

        Assert.Contains(await managers.SubmitValueAsync(new { command = "decline", caseId = c.Id.Value }), r => r == $"{c.Id} was already approved by Sam at {bot.Clock.GetUtcNow():HH:mm} ($120).");
    }

    [Fact]
    public async Task With_no_manager_to_reach_the_staff_member_is_told_at_once_and_what_to_offer_meanwhile()
    {
        var staff = bot.Chat("staff-chat", "staff-1");
        await staff.SayAsync("No reservation on file for the Okafor couple but they have our confirmation. We're sold out.");
        await staff.SayEachAsync("1", "skip", "regular", "We've been travelling for fourteen hours.", "1", "done", "skip", "1");

        var atone = await staff.SayAsync("$120 credit for a night elsewhere");

        var needsApproval = atone.ToList().FindIndex(r => r.Contains("approval", StringComparison.OrdinalIgnoreCase));
        var headsUp = atone.ToList().FindIndex(r => r.StartsWith("No manager can be reached", StringComparison.Ordinal));
        Assert.InRange(needsApproval, 0, headsUp - 1);
        Assert.Equal(ApprovalState.Pending, Assert.Single(bot.Cases.All).Atonement?.Approval);
    }

    [Fact]
    public async Task With_a_managers_channel_the_staff_member_is_told_the_request_is_posted_there()
    {
        var (staff, _, _) = await RecoveryWithOfferAsync("$120 credit for a night elsewhere");

        Assert.Contains(staff.AllActivities(), a => a.Text?.Contains("posted the approval request in the managers' channel", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(staff.AllActivities(), a => a.Text?.StartsWith("No manager can be reached", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_manager_can_approve_a_different_amount()
    {
        var (_, managers, c) = await RecoveryWithOfferAsync("$120 credit");
        await managers.SubmitValueAsync(new { command = "approve-amount", caseId = c.Id.Value, amount = "60" });
        Assert.Equal(60m, Assert.Single(bot.Cases.All).Atonement?.Amount);
    }

    [Fact]
    public async Task Follow_up_promise_and_escalation_reminders_are_scheduled_when_the_recovery_ends()
    {
        var (_, _, c) = await RecoveryWithOfferAsync("$120 credit");
        var kinds = bot.Reminders.Scheduled.Where(r => r.CaseId == c.Id.Value).Select(r => r.Kind).ToList();
        Assert.Contains(ReminderKind.FollowUp, kinds);
        Assert.Contains(ReminderKind.Escalation, kinds);
        Assert.Contains(ReminderKind.ApprovalEscalation, kinds);
        Assert.Single(bot.Reminders.Scheduled, r => r.Kind == ReminderKind.Digest);
        Assert.Equal(c.FollowUpAt, bot.Reminders.Scheduled.Single(r => r.Kind == ReminderKind.FollowUp).DueAt);
    }

    [Fact]
    public async Task A_due_follow_up_reaches_the_staff_member_and_the_managers_channel_and_is_written_to_the_timeline()
    {
        var (staff, managers, c) = await RecoveryWithOfferAsync("dessert on the house");
        staff.Replies();
        managers.Replies();
        var handler = bot.Get<IReminderHandler>();
        var followUp = bot.Reminders.Scheduled.Single(r => r.Kind == ReminderKind.FollowUp);

        Assert.Equal(ReminderOutcome.Delivered, await handler.HandleAsync(followUp, 1, CancellationToken.None));
        Assert.Equal(ReminderOutcome.Delivered, await handler.HandleAsync(followUp, 2, CancellationToken.None));

        Assert.Equal(2, staff.Replies().Count(r => r.Contains("Follow-up due", StringComparison.Ordinal)));
        Assert.Equal(2, managers.Replies().Count(r => r.Contains("Follow-up due", StringComparison.Ordinal)));
        var sent = Assert.Single(bot.Cases.All).Timeline.Where(e => e.Step == CaseStep.ReminderSent).Select(e => e.Note).ToList();
        Assert.Equal(["FollowUp attempt 1: sending", "FollowUp attempt 1: sent to staff and managers",
            "FollowUp attempt 2: sending", "FollowUp attempt 2: sent to staff and managers"], sent);
    }

    [Fact]
    public async Task The_follow_up_dialog_records_the_outcome_and_closes_a_recovered_case()
    {
        var (staff, _, c) = await RecoveryWithOfferAsync("dessert on the house");
        Assert.Contains(await staff.SayAsync($"follow up {c.Id}"), r => r.StartsWith("How will you reach them?", StringComparison.Ordinal));
        Assert.Contains(await staff.SayAsync("skip"), r => r.Contains("Did you reach the customer?", StringComparison.Ordinal));
        await staff.SayAsync("yes");
        await staff.SayAsync("5");
        Assert.Contains(await staff.SayAsync("Honestly I was ready to never come back, but your team sorted it. Thank you."), r => r.StartsWith("Tone: ", StringComparison.Ordinal));
        await staff.SayAsync("yes");
        await staff.SayAsync("process");
        await staff.SayAsync("booking sync failed overnight");
        var done = await staff.SayAsync("check the channel manager sync every evening");

        Assert.Contains(done, r => r.Contains("closed", StringComparison.Ordinal));
        var closed = Assert.Single(bot.Cases.All);
        Assert.Equal(CaseStatus.Closed, closed.Status);
        var outcome = Assert.Single(closed.FollowUps);
        Assert.Equal((5, true, "Process"), (outcome.Satisfaction, outcome.Recovered, outcome.RootCause));
        Assert.Equal(2, closed.Tones.Count);
        Assert.Equal(ReminderOutcome.Obsolete, await bot.Get<IReminderHandler>().HandleAsync(bot.Reminders.Scheduled.First(r => r.Kind == ReminderKind.FollowUp), 1, CancellationToken.None));
    }

    [Fact]
    public async Task The_follow_up_drafts_a_message_to_the_customer_in_English()
    {
        var (staff, _, c) = await RecoveryWithOfferAsync("dessert on the house");
        await staff.SayAsync($"follow up {c.Id}");
        var opening = await staff.SayAsync("+44 7700 900123");

        Assert.Contains(opening, r => r.Contains("Reach them at: +44 7700 900123", StringComparison.Ordinal) && r.Contains("A message you could send:", StringComparison.Ordinal)
            && r.Contains($"I'm following up on what went wrong on {c.OpenedAt:d MMM} (no reservation on file for the Okafor couple but they have our confirmation). We ", StringComparison.Ordinal)
            && r.Contains(", and dessert on the house. Is everything sorted now?", StringComparison.Ordinal));
        Assert.DoesNotContain(opening, r => r.Contains("In Spanish", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_guest_who_spoke_Spanish_gets_the_follow_up_message_in_Spanish_too()
    {
        var staff = bot.Chat("staff-chat", "staff-1");
        await staff.SayAsync("Guest in 214: no hot water in the shower for the third day.");
        await staff.SayEachAsync("1", "regular", "¡Es el tercer día sin agua caliente y nadie me hace caso!", "1", "done", "skip", "1", "skip", "skip", "ok");
        var c = Assert.Single(bot.Cases.All);

        await staff.SayAsync($"follow up {c.Id}");
        var opening = await staff.SayAsync("skip");

        Assert.Contains(opening, r => r.Contains("In Spanish:", StringComparison.Ordinal)
            && r.Contains($"Hola, le escribo por el problema que tuvo el {c.OpenedAt:dd/MM}. ¿Está todo resuelto?", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Not_reaching_the_customer_moves_the_follow_up()
    {
        var (staff, _, c) = await RecoveryWithOfferAsync("dessert on the house");
        await staff.SayAsync($"follow up {c.Id}");
        await staff.SayAsync("skip");
        await staff.SayAsync("no");
        Assert.Contains(await staff.SayAsync("in 2 hours"), r => r.Contains("remind you again", StringComparison.Ordinal));
        Assert.Equal(bot.Clock.GetUtcNow().AddHours(2), Assert.Single(bot.Cases.All).FollowUpAt);
        Assert.Equal(2, bot.Reminders.Scheduled.Count(r => r.Kind == ReminderKind.FollowUp));
    }

    [Fact]
    public async Task Staff_cannot_register_the_managers_channel()
    {
        var chat = bot.Chat("some-channel", "staff-2");
        Assert.Contains(await chat.SayAsync("register channel"), r => r.Contains("Only managers", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_digest_lists_open_overdue_and_flagged_cases()
    {
        var (_, managers, _) = await RecoveryWithOfferAsync("dessert on the house");
        managers.Replies();
        bot.Clock.Advance(TimeSpan.FromDays(2));
        var digest = bot.Reminders.Scheduled.Single(r => r.Kind == ReminderKind.Digest);
        Assert.Equal(ReminderOutcome.Delivered, await bot.Get<IReminderHandler>().HandleAsync(digest, 1, CancellationToken.None));
        var text = Assert.Single(managers.Replies());
        Assert.Contains("**Open cases** (1)", text, StringComparison.Ordinal);
        Assert.Contains("**Overdue** (1)", text, StringComparison.Ordinal);
        Assert.Equal(2, bot.Reminders.Scheduled.Count(r => r.Kind == ReminderKind.Digest));
    }
}
