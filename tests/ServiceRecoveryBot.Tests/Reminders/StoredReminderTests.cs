using ServiceRecoveryBot.Reminders;

namespace ServiceRecoveryBot.Tests.Reminders;

public sealed class StoredReminderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly Reminder Due = new("r1", ReminderKind.FollowUp, "team", "case", Now.AddMinutes(-1));

    [Fact]
    public void A_pending_reminder_is_claimable_once_due() =>
        Assert.True(new StoredReminder(Due, ReminderStatus.Pending, 0, "v").IsClaimableAt(Now));

    [Fact]
    public void A_pending_reminder_is_not_claimable_before_its_due_time() =>
        Assert.False(new StoredReminder(Due with { DueAt = Now.AddSeconds(1) }, ReminderStatus.Pending, 0, "v").IsClaimableAt(Now));

    [Fact]
    public void A_reminder_put_back_for_a_retry_waits_for_its_back_off() =>
        Assert.False(new StoredReminder(Due, ReminderStatus.Pending, 1, "v", NotBefore: Now.AddSeconds(1)).IsClaimableAt(Now));

    [Fact]
    public void A_claim_holds_until_its_lease_runs_out()
    {
        var claimed = new StoredReminder(Due, ReminderStatus.Claimed, 1, "v", "a", ClaimUntil: Now);
        Assert.False(claimed.IsClaimableAt(Now));
        Assert.True(claimed.IsClaimableAt(Now.AddTicks(1)));
    }

    [Theory]
    [InlineData(1, 60)]
    [InlineData(2, 120)]
    [InlineData(3, 240)]
    [InlineData(7, 3600)]
    [InlineData(40, 3600)]
    public void Retry_back_off_doubles_up_to_the_maximum(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), ReminderScheduler.Backoff(attempts, new ReminderOptions()));
}
