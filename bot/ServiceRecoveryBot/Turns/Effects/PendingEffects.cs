namespace ServiceRecoveryBot.Turns.Effects;

/// <summary>
/// One committed turn's effects, kept in the conversation's state until they have run. <see cref="Id"/> is the turn's
/// activity id (or a fresh id when the activity had none).
/// </summary>
public sealed record PendingEffects(string Id, DateTimeOffset CommittedAt, IReadOnlyList<Effect> Effects);
