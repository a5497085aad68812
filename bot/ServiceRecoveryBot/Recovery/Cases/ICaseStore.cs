namespace ServiceRecoveryBot.Recovery.Cases;

/// <summary>
/// Where cases live. Saves are idempotent and never go backwards (a later timeline wins), and never replace another
/// case that has the same id (they throw <see cref="CaseIdTakenException"/>).
/// </summary>
public interface ICaseStore
{
    /// <summary>
    /// Holds an id for a case about to be opened, so that no other case can be given it (by this instance of the bot or
    /// another); false when a case of the team has it or it is already held. A held id is not a case: finding it gives
    /// nothing, and it is not listed.
    /// </summary>
    Task<bool> TryReserveAsync(string teamKey, CaseId id, CancellationToken ct);

    /// <summary>Stores a new case, on its id's reservation if there is one; false when a case already has the id in that team.</summary>
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

    /// <summary>The customer's name or reference ("Okafor", "table 12") as staff gave it, if they did.</summary>
    public string? Customer { get; init; }

    /// <summary>The customer's tone was negative or raised a flag, or a manager's attention is needed.</summary>
    public bool Flagged { get; init; }

    /// <summary>An offer above the staff member's authority waits for a manager's decision.</summary>
    public bool AwaitingApproval { get; init; }

    /// <summary>When the promise made to the customer falls due, if one was made with a time.</summary>
    public DateTimeOffset? PromiseDueAt { get; init; }

    public static CaseSummary Of(RecoveryCase c) => new(c.Id, c.OpenedAt, c.Status, c.Category, c.Severity, c.StaffId, c.WhatHappened)
    {
        FollowUpAt = c.FollowUpAt,
        Customer = c.Customer?.NameOrReference,
        AwaitingApproval = c.Atonement is { Approval: ApprovalState.Pending },
        PromiseDueAt = c.Promise?.DueAt,
        Flagged = c.NeedsManagerAttention || c.Tones.LastOrDefault() is { } tone && (tone.Flags.Count > 0 || tone.Compound <= -0.05),
    };
}

/// <summary>A save found another case (another staff member's, or opened at another moment) under the case's id.</summary>
public sealed class CaseIdTakenException(CaseId id)
    : InvalidOperationException($"Case id {id.Value} belongs to another case of the team; this case is not saved over it.");
