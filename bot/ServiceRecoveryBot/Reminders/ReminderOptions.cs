using System.ComponentModel.DataAnnotations;

namespace ServiceRecoveryBot.Reminders;

/// <summary>Reminder scheduler settings (section "Reminders").</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>How often each instance scans for due reminders.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a claim holds; a reminder whose claim ran out is re-claimed (with the next attempt number).</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Names this instance in claims (ClaimedBy); unique per running process.</summary>
    [Required, MaxLength(200)]
    public string InstanceId { get; set; } = $"{Environment.MachineName}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Back-off after the first <see cref="ReminderOutcome.RetryLater"/>; doubles per attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest back-off between attempts.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many claimed reminders one instance handles at once.</summary>
    [Range(1, 64)]
    public int MaxConcurrency { get; set; } = 4;
}
