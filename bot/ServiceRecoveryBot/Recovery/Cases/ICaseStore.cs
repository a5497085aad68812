namespace ServiceRecoveryBot.Recovery.Cases;

/// <summary>Where cases live. Saves are idempotent and never go backwards (a later timeline wins).</summary>
public interface ICaseStore
{
    /// <summary>Stores a new case; false when the id is already taken in that team.</summary>
    Task<bool> TryCreateAsync(RecoveryCase recoveryCase, CancellationToken ct);

    Task SaveAsync(RecoveryCase recoveryCase, CancellationToken ct);

    Task<RecoveryCase?> FindAsync(string teamKey, CaseId id, CancellationToken ct);

    /// <summary>A team's cases, newest first.</summary>
    Task<IReadOnlyList<CaseSummary>> ListAsync(string teamKey, int max, CancellationToken ct);

    /// <summary>A case's timeline, in order.</summary>
    Task<IReadOnlyList<CaseEvent>> TimelineAsync(string teamKey, CaseId id, CancellationToken ct);
}

/// <summary>A line in a list of cases.</summary>
public sealed record CaseSummary(CaseId Id, DateTimeOffset OpenedAt, CaseStatus Status, FailureCategory? Category, int? Severity, string StaffId, string WhatHappened)
{
    public DateTimeOffset? FollowUpAt { get; init; }

    /// <summary>The customer's tone was negative or raised a flag, or a manager's attention is needed.</summary>
    public bool Flagged { get; init; }

    public static CaseSummary Of(RecoveryCase c) => new(c.Id, c.OpenedAt, c.Status, c.Category, c.Severity, c.StaffId, c.WhatHappened)
    {
        FollowUpAt = c.FollowUpAt,
        Flagged = c.NeedsManagerAttention || c.Tones.LastOrDefault() is { } tone && (tone.Flags.Count > 0 || tone.Compound <= -0.05),
    };
}
