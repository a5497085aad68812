using System.ComponentModel.DataAnnotations;

namespace ServiceRecoveryBot.Conversations;

/// <summary>How recoveries are run (section "Recovery").</summary>
public sealed class RecoveryOptions
{
    public const string Section = "Recovery";

    /// <summary>IANA time zone used when the channel does not say the user's own.</summary>
    [Required]
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Default follow-up time of day (the next day), local time.</summary>
    public TimeOnly FollowUpTime { get; set; } = new(10, 0);

    /// <summary>The team key used when a conversation names no tenant or team (local chat, console).</summary>
    [Required]
    public string DefaultTeam { get; set; } = "local";

    /// <summary>How a new case is run: the quick capture (default) or the coached step-by-step walk.</summary>
    public RecoveryWalk Walk { get; set; } = RecoveryWalk.Quick;

    public TimeZoneInfo Zone => TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
}

/// <summary>The quick capture (what to say now, one pre-filled form) or the coached walk (question by question).</summary>
public enum RecoveryWalk
{
    Quick,
    Coached,
}
