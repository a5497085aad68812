namespace ServiceRecoveryBot.Recovery.Cases;

/// <summary>What a follow-up with the customer found.</summary>
public sealed record FollowUpOutcome(
    DateTimeOffset At,
    bool Reached,
    int? Satisfaction,
    string? CustomerWords,
    bool Recovered,
    string? RootCause,
    string? RootCauseDetail,
    string? Lesson);
