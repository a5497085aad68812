using ServiceRecoveryBot.Reminders;
using ServiceRecoveryBot.Storage;

namespace ServiceRecoveryBot.Tests.Reminders;

public sealed class ReminderKeysTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 8, 15, 30, 123, TimeSpan.Zero);

    [Fact]
    public void Partition_key_is_the_utc_hour_bucket() =>
        Assert.Equal("due_2026112308", TableReminderStore.PartitionKeyFor(At));

    [Fact]
    public void A_local_time_is_bucketed_by_its_utc_hour() =>
        Assert.Equal("due_2026112223", TableReminderStore.PartitionKeyFor(new DateTimeOffset(2026, 11, 23, 1, 5, 0, TimeSpan.FromHours(2))));

    [Fact]
    public void Row_key_is_the_due_time_to_the_millisecond_then_the_encoded_id() =>
        Assert.Equal("20261123081530123|" + TableKeys.Encode("follow-up/case 42#1"), TableReminderStore.RowKeyFor(At, "follow-up/case 42#1"));

    [Fact]
    public void Row_keys_are_valid_table_keys_whatever_the_id()
    {
        var key = TableReminderStore.RowKeyFor(At, "a/b\\c#d?e\tf" + new string('x', 2000));
        TableKeys.EnsureValidKey(key);
        TableKeys.EnsureValidKey(TableReminderStore.PartitionKeyFor(At));
    }

    [Fact]
    public void Row_keys_sort_by_due_time_and_the_scan_bound_includes_everything_due_up_to_now()
    {
        var now = At;
        var upTo = TableReminderStore.DueKey(now) + "~";
        Assert.True(string.CompareOrdinal(TableReminderStore.RowKeyFor(now, "zzzz"), upTo) <= 0);
        Assert.True(string.CompareOrdinal(TableReminderStore.RowKeyFor(now.AddMilliseconds(-1), "~~~~"), upTo) <= 0);
        Assert.True(string.CompareOrdinal(TableReminderStore.RowKeyFor(now.AddMilliseconds(1), "AAAA"), upTo) > 0);
        Assert.True(string.CompareOrdinal(TableReminderStore.RowKeyFor(now.AddSeconds(9), "a"), TableReminderStore.RowKeyFor(now.AddSeconds(10), "a")) < 0);
    }

    [Fact]
    public void Bucket_keys_round_trip()
    {
        var bucket = TableReminderStore.Bucket(At);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero), bucket);
        Assert.Equal("2026112308", TableReminderStore.BucketKey(bucket));
        Assert.Equal(bucket, TableReminderStore.ParseBucket("2026112308"));
    }

    [Theory]
    [InlineData(-300, true)]
    [InlineData(-16, true)]   // 07:59: its hour has ended
    [InlineData(-15, false)]  // 08:00
    [InlineData(100, false)]
    public void Only_reminders_due_in_an_hour_that_has_ended_rewrite_the_cursor(int minutesFromNow, bool rewrites) =>
        Assert.Equal(rewrites, TableReminderStore.IsPastHour(At.AddMinutes(minutesFromNow).AddSeconds(-At.Second), At));

    [Fact]
    public void A_bucket_settles_five_minutes_after_its_hour_ends()
    {
        var bucket = TableReminderStore.Bucket(At); // 08:00
        Assert.Equal(bucket, TableReminderStore.FirstUnsettledBucket(new DateTimeOffset(2026, 11, 23, 9, 4, 59, TimeSpan.Zero)));
        Assert.Equal(bucket.AddHours(1), TableReminderStore.FirstUnsettledBucket(new DateTimeOffset(2026, 11, 23, 9, 5, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_row_round_trips_with_its_exact_due_time()
    {
        var reminder = new Reminder("r'1", ReminderKind.PromiseDue, "team:1", "case-9", At.AddTicks(1234), "staff-1", "call back");
        var entity = ReminderRow.ToEntity(reminder);
        var read = ReminderRow.FromEntity(entity);
        Assert.Equal(reminder, read.Reminder);
        Assert.Equal(ReminderStatus.Pending, read.Status);
        Assert.Equal(0, read.Attempts);
        Assert.Equal(entity.RowKey, TableReminderStore.RowKeyFor(read.Reminder.DueAt, read.Reminder.Id));
    }
}
