using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Text;

/// <summary>The quick capture's pre-filled answers, as its text and card show them.</summary>
public sealed record QuickCaptureLines(
    CaseId CaseId,
    string Kind,
    bool KindSuggested,
    string? Customer,
    CustomerTier Tier,
    int Severity,
    string SeverityWhy,
    string Fix,
    string Atonement,
    bool AtonementNeedsApproval,
    string? Promise,
    DateTimeOffset FollowUpAt);
