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
public sealed record CaseSummary(CaseId Id, DateTimeOffset OpenedAt, CaseStatus Status, FailureCategory? Category, int? Severity, string StaffId, string WhatHappened);
