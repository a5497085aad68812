using Azure.Data.Tables;
using ServiceRecoveryBot.Reminders;

namespace ServiceRecoveryBot.Storage;

/// <summary>
/// A reminder entity in the Reminders table (keys: <see cref="TableReminderStore"/>). The due time is stored as UTC ticks
/// (exact round trip, so the keys can always be recomputed from it) and as a DateTime for people reading the table.
/// </summary>
internal static class ReminderRow
{
    public static TableEntity ToEntity(Reminder reminder) => ToEntity(new StoredReminder(reminder, ReminderStatus.Pending, Attempts: 0, Version: ""));

    public static TableEntity ToEntity(StoredReminder stored)
    {
        var r = stored.Reminder;
        return new TableEntity(TableReminderStore.PartitionKeyFor(r.DueAt), TableReminderStore.RowKeyFor(r.DueAt, r.Id))
        {
            ["ReminderId"] = r.Id,
            ["Kind"] = r.Kind.ToString(),
            ["TeamKey"] = r.TeamKey,
            ["CaseId"] = r.CaseId,
            ["DueTicks"] = r.DueAt.UtcTicks,
            ["DueUtc"] = r.DueAt.ToUniversalTime(),
            ["StaffId"] = r.StaffId,
            ["Note"] = r.Note,
            ["Status"] = stored.Status.ToString(),
            ["ClaimedBy"] = stored.ClaimedBy,
            ["ClaimUntil"] = stored.ClaimUntil?.ToUniversalTime(),
            ["NotBefore"] = stored.NotBefore?.ToUniversalTime(),
            ["Attempts"] = stored.Attempts,
        };
    }

    public static StoredReminder FromEntity(TableEntity row)
    {
        var reminder = new Reminder(
            row.GetString("ReminderId") ?? throw new InvalidDataException($"Reminder row {row.RowKey} has no ReminderId."),
            Enum.Parse<ReminderKind>(row.GetString("Kind") ?? ""),
            row.GetString("TeamKey") ?? "",
            row.GetString("CaseId"),
            new DateTimeOffset(row.GetInt64("DueTicks") ?? 0, TimeSpan.Zero),
            row.GetString("StaffId"),
            row.GetString("Note"));
        return new StoredReminder(
            reminder,
            Enum.Parse<ReminderStatus>(row.GetString("Status") ?? nameof(ReminderStatus.Pending)),
            row.GetInt32("Attempts") ?? 0,
            row.ETag.ToString(),
            row.GetString("ClaimedBy"),
            row.GetDateTimeOffset("ClaimUntil"),
            row.GetDateTimeOffset("NotBefore"));
    }
}
