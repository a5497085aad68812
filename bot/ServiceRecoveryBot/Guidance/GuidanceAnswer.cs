using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Guidance;

/// <summary>
/// The reply to a guidance question. <see cref="Text"/> is ready to send. For a playbook, <see cref="Walk"/> is the walk to
/// keep in conversation state (model id and step) and pass back to <see cref="GuidanceService.Continue"/>.
/// </summary>
public sealed record GuidanceAnswer(GuidanceAnswerKind Kind, string Text)
{
    public PlaybookWalk? Walk { get; init; }
    public string? EntryId { get; init; }
    public FailureCategory? Category { get; init; }
    public IReadOnlyList<string> Topics { get; init; } = [];
}
