using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Turns.Effects;

/// <summary>The effects a turn asks for, in order, kept in its <see cref="TurnContext.TurnState"/> until the pipeline commits them.</summary>
public static class TurnEffects
{
    private const string Key = "effects";

    /// <summary>Asks for <paramref name="effect"/> once this turn's state is committed; a turn that loses its race runs none.</summary>
    public static void Commit(this TurnContext turn, Effect effect) => Of(turn).Add(effect);

    internal static List<Effect> Of(TurnContext turn)
    {
        if (turn.TurnState.TryGetValue(Key, out var list)) return (List<Effect>)list;
        var effects = new List<Effect>();
        turn.TurnState[Key] = effects;
        return effects;
    }

    /// <summary>The turn's effects under its activity id, or null when it asked for none.</summary>
    public static PendingEffects? Pending(TurnContext turn) =>
        turn.TurnState.TryGetValue(Key, out var list) && list is List<Effect> { Count: > 0 } effects
            ? new PendingEffects(turn.Activity.Id ?? Guid.NewGuid().ToString("N"), turn.ReceivedAt, effects)
            : null;
}
