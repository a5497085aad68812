using ServiceRecoveryBot.Recovery.Cases;

using ServiceRecoveryBot.Recovery.Playbooks;
using ServiceRecoveryBot.Text;

namespace ServiceRecoveryBot.Conversations.Recovery;

/// <summary>
/// The quick capture as shown: every answer the case needs, pre-filled from the first message and the playbook, with
/// the options to change each. <see cref="StepId"/> ties a card's submit to this question (an older card is refused).
/// </summary>
public sealed record QuickCapture
{
    public required string StepId { get; init; }
    public required CaseId CaseId { get; init; }
    public required FailureCategory Category { get; init; }

    /// <summary>False when nothing in the message pointed to a category (the card says "a guess").</summary>
    public bool CategorySuggested { get; init; }
    public string? Customer { get; init; }
    public CustomerTier Tier { get; init; }
    public required int Severity { get; init; }
    public required string SeverityWhy { get; init; }
    public required string Fix { get; init; }
    public IReadOnlyList<string> Fixes { get; init; } = [];
    public required string Atonement { get; init; }
    public IReadOnlyList<string> Gestures { get; init; } = [];

    /// <summary>Whether the pre-filled atonement is above the staff member's authority (it goes to a manager).</summary>
    public bool AtonementNeedsApproval { get; init; }
    public string? Promise { get; init; }
    public required DateTimeOffset FollowUpAt { get; init; }

    /// <summary>The answers as the text and the card show them, the kind named by the playbook.</summary>
    public QuickCaptureLines Lines(RecoveryPlaybook playbook) => new(CaseId, playbook.For(Category).Title, CategorySuggested, Customer, Tier,
        Severity, SeverityWhy, Fix, Atonement, AtonementNeedsApproval, Promise, FollowUpAt);
}

/// <summary>
/// An answer to the quick capture: log the case (each field null where the staff member kept what was shown), or switch
/// to the coached walk.
/// </summary>
public sealed record QuickCaptureAnswer
{
    public bool Walk { get; init; }
    public FailureCategory? Category { get; init; }
    public string? Customer { get; init; }
    public CustomerTier? Tier { get; init; }
    public int? Severity { get; init; }
    public string? Fix { get; init; }

    /// <summary>The gesture offered; "none" for none.</summary>
    public string? Atonement { get; init; }

    /// <summary>What was promised, with its time ("call back by 6pm"); "none" for none.</summary>
    public string? Promise { get; init; }

    /// <summary>The follow-up time as typed or chosen ("default", "in 2 hours").</summary>
    public string? FollowUp { get; init; }
}
