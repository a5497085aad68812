namespace ServiceRecoveryBot.Recovery.Cases;

/// <summary>
/// One service failure and its recovery. Immutable: each move returns a new case with the move in its timeline.
/// </summary>
public sealed record RecoveryCase
{
    public required CaseId Id { get; init; }
    public required string TeamKey { get; init; }
    public required string StaffId { get; init; }
    public string? StaffName { get; init; }
    public required DateTimeOffset OpenedAt { get; init; }
    public CaseStatus Status { get; init; } = CaseStatus.InProgress;
    public required string WhatHappened { get; init; }
    public FailureCategory? Category { get; init; }
    public Customer? Customer { get; init; }
    public string? CustomerWords { get; init; }
    public int? Severity { get; init; }
    public string? Apology { get; init; }
    public string? Details { get; init; }
    public string? FixDone { get; init; }
    public Atonement? Atonement { get; init; }
    public Promise? Promise { get; init; }
    public DateTimeOffset? FollowUpAt { get; init; }
    public IReadOnlyList<ToneReading> Tones { get; init; } = [];
    public IReadOnlyList<FollowUpOutcome> FollowUps { get; init; } = [];
    public bool NeedsManagerAttention { get; init; }
    public IReadOnlyList<CaseEvent> Timeline { get; init; } = [];
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>The conversation the case was worked in: where the staff member hears a manager's decision.</summary>
    public string? ConversationId { get; init; }

    /// <summary>How to reach the customer for the follow-up (a phone or an email), when staff gave one. Contact data: never log it.</summary>
    public string? Contact { get; init; }

    /// <summary>When the case last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Counts changes; a save never replaces a higher revision with a lower one.</summary>
    public int Revision { get; init; } = 1;

    public static RecoveryCase Open(CaseId id, string teamKey, string staffId, string? staffName, string whatHappened, DateTimeOffset at) => new()
    {
        Id = id,
        TeamKey = teamKey,
        StaffId = staffId,
        StaffName = staffName,
        OpenedAt = at,
        UpdatedAt = at,
        WhatHappened = whatHappened,
        Timeline = [new CaseEvent(1, CaseStep.Opened, at, staffId)],
    };

    public bool IsOpen => Status is CaseStatus.InProgress or CaseStatus.Paused or CaseStatus.AwaitingFollowUp;

    /// <summary>
    /// Whether <paramref name="other"/> is a version of this case, not another case given the same id: the same id in
    /// the same team, opened at the same moment by the same person (a case reassigned since is still the same case).
    /// </summary>
    public bool IsSameCaseAs(RecoveryCase other) =>
        Id == other.Id && TeamKey == other.TeamKey && OpenedAt == other.OpenedAt && OpenedBy == other.OpenedBy;

    /// <summary>Who opened the case (its owner may change with a reassignment).</summary>
    public string OpenedBy => Timeline.FirstOrDefault(e => e.Step == CaseStep.Opened)?.By ?? StaffId;

    /// <summary>Whether <paramref name="staffId"/> owned this case at some point: its opener, its owner, or someone it was reassigned to.</summary>
    public bool WasOwnedBy(string staffId) =>
        staffId == StaffId || staffId == OpenedBy || Timeline.Any(e => e.Step == CaseStep.Reassigned && e.Note == staffId);

    /// <summary>Appends a timeline entry.</summary>
    public RecoveryCase Record(CaseStep step, DateTimeOffset at, string by, string? note = null) =>
        this with { Timeline = [.. Timeline, new CaseEvent(Timeline.Count + 1, step, at, by, note)], UpdatedAt = Max(UpdatedAt, at), Revision = Revision + 1 };

    /// <summary>Marks a change made at <paramref name="at"/> that adds no timeline entry.</summary>
    public RecoveryCase Touch(DateTimeOffset at) => this with { UpdatedAt = Max(UpdatedAt, at), Revision = Revision + 1 };

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;

    public DateTimeOffset? FirstAt(CaseStep step) => Timeline.FirstOrDefault(e => e.Step == step)?.At;

    /// <summary>From opening to the apology.</summary>
    public TimeSpan? TimeToAcknowledge => FirstAt(CaseStep.Apologised) - OpenedAt;

    /// <summary>From opening to the fix.</summary>
    public TimeSpan? TimeToFix => FirstAt(CaseStep.Fixed) - OpenedAt;

    public RecoveryCase Pause(DateTimeOffset at, string by) => Status switch
    {
        CaseStatus.InProgress => Record(CaseStep.Paused, at, by) with { Status = CaseStatus.Paused },
        _ => this,
    };

    public RecoveryCase Resume(DateTimeOffset at, string by) => Status switch
    {
        CaseStatus.Paused => Record(CaseStep.Resumed, at, by) with { Status = CaseStatus.InProgress },
        CaseStatus.InProgress => this,
        _ => throw new CaseTransitionException(Id, Status, CaseStatus.InProgress),
    };

    public RecoveryCase AwaitFollowUp(DateTimeOffset followUpAt, DateTimeOffset at, string by) => Status switch
    {
        CaseStatus.InProgress or CaseStatus.Paused =>
            Record(CaseStep.FollowUpScheduled, at, by, followUpAt.ToString("O")) with { Status = CaseStatus.AwaitingFollowUp, FollowUpAt = followUpAt },
        _ => throw new CaseTransitionException(Id, Status, CaseStatus.AwaitingFollowUp),
    };

    /// <summary>
    /// A manager's decision on a pending atonement, recorded once: refused when nothing is pending (a decision already
    /// made is never replaced; callers answer with <see cref="Atonement.Decision"/>).
    /// </summary>
    public RecoveryCase Decide(bool approved, decimal? amount, DateTimeOffset at, string byId, string byName) => Atonement is { Approval: ApprovalState.Pending } pending
        ? Record(CaseStep.ApprovalDecided, at, byId, approved ? $"approved{((amount ?? pending.Amount) is { } a ? " " + a.ToString(System.Globalization.CultureInfo.InvariantCulture) : "")}" : "declined") with
        {
            Atonement = pending with
            {
                Approval = approved ? ApprovalState.Approved : ApprovalState.Declined,
                Amount = approved ? amount ?? pending.Amount : pending.Amount,
                Decision = new ApprovalDecision(approved, byId, byName, at, approved ? amount ?? pending.Amount : null),
            },
        }
        : throw new InvalidOperationException($"Case {Id} has no pending approval.");

    /// <summary>
    /// This version of the case with the manager's decision that <paramref name="stored"/> carries, when this one still
    /// waits for it on the same offer: a decision made while the staff member was still in the recovery survives the
    /// recovery's own saves. The result outranks both versions, so the store keeps it.
    /// </summary>
    public RecoveryCase KeepingDecisionOf(RecoveryCase stored)
    {
        if (Atonement is not { Approval: ApprovalState.Pending } mine || stored.Atonement is not { Decision: { } decision } theirs
            || !IsSameCaseAs(stored) || theirs.Offer != mine.Offer)
            return this;
        var note = stored.Timeline.LastOrDefault(e => e.Step == CaseStep.ApprovalDecided)?.Note;
        return Record(CaseStep.ApprovalDecided, decision.At, decision.ById, note) with
        {
            Atonement = theirs,
            Revision = Math.Max(Revision, stored.Revision) + 1,
        };
    }

    /// <summary>
    /// The version to store when <paramref name="stored"/> is already there: the newer of the two, carrying the manager's
    /// decision that either holds, so a decision and the recovery's own save never undo each other, whichever lands first.
    /// </summary>
    public RecoveryCase ReconciledWith(RecoveryCase stored) =>
        Revision > stored.Revision ? KeepingDecisionOf(stored) : stored.KeepingDecisionOf(this);

    /// <summary>Records a follow-up with the customer: closes the case when recovered, else keeps it open for the next follow-up.</summary>
    public RecoveryCase RecordFollowUp(FollowUpOutcome outcome, DateTimeOffset? nextFollowUp, string by)
    {
        var recorded = Record(CaseStep.FollowUpRecorded, outcome.At, by, outcome.Recovered ? "recovered" : "not recovered") with { FollowUps = [.. FollowUps, outcome] };
        return outcome.Recovered || nextFollowUp is null
            ? recorded.Close(outcome.At, by, outcome.Recovered ? "recovered" : "not recovered")
            : recorded with { FollowUpAt = nextFollowUp, Status = CaseStatus.AwaitingFollowUp };
    }

    /// <summary>A case opened by mistake: kept, with "discarded" in its timeline, out of every list and figure.</summary>
    public RecoveryCase Discard(DateTimeOffset at, string by) => Status is CaseStatus.InProgress or CaseStatus.Paused
        ? Record(CaseStep.Discarded, at, by) with { Status = CaseStatus.Discarded, Contact = null }
        : throw new CaseTransitionException(Id, Status, CaseStatus.Discarded);

    /// <summary>Closes the case; the customer's contact detail goes with it (kept only as long as a follow-up may need it).</summary>
    public RecoveryCase Close(DateTimeOffset at, string by, string? note = null) => IsOpen
        ? Record(CaseStep.Closed, at, by, note) with { Status = CaseStatus.Closed, ClosedAt = at, Contact = null }
        : throw new CaseTransitionException(Id, Status, CaseStatus.Closed);
}
