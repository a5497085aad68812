namespace ServiceRecoveryBot.Turns.Effects;

/// <summary>
/// One committed turn's effects and replies, kept in the conversation's state (its outbox) until both have run.
/// <see cref="Id"/> is the turn's activity id (or a fresh id when the activity had none).
/// </summary>
public sealed record CommittedTurn(string Id, DateTimeOffset CommittedAt, IReadOnlyList<Effect> Effects)
{
    /// <summary>The turn's replies, sent beside its effects (a slow channel never holds a case save); null when none.</summary>
    public IReadOnlyList<CommittedReply>? Replies { get; init; }
}
