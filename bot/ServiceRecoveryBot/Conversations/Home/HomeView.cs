using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Conversations.Home;

/// <summary>
/// What is open for one person, as their Home tab or personal card shows it: their own open cases and the next promise
/// or follow-up due; for a manager of the team, also the team's pending approvals and overdue follow-ups.
/// </summary>
public sealed record HomeView(
    string TeamKey,
    string UserId,
    bool IsManager,
    IReadOnlyList<CaseSummary> Mine,
    HomeDue? Next,
    IReadOnlyList<CaseSummary> PendingApprovals,
    IReadOnlyList<CaseSummary> OverdueFollowUps,
    DateTimeOffset At);

/// <summary>The soonest thing promised on one of the staff member's cases: a follow-up call or a promise to the customer.</summary>
public sealed record HomeDue(CaseSummary Case, DateTimeOffset DueAt, bool IsPromise);

/// <summary>A button on a home line: its label and the command it sends, as if typed ("resume SR-7K3Q").</summary>
public sealed record HomeAction(string Title, string Command);
