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

    /// <summary>The turn's effects and replies under <paramref name="id"/> (its activity id), or null when it has neither.</summary>
    public static PendingEffects? Pending(TurnContext turn, string id, IReadOnlyList<Activity> replies)
    {
        var effects = turn.TurnState.TryGetValue(Key, out var list) ? (List<Effect>)list : [];
        if (effects.Count == 0 && replies.Count == 0) return null;
        return new PendingEffects(id, turn.ReceivedAt, effects)
        {
            Replies = replies.Count == 0 ? null : [.. replies.Select(r => new CommittedReply(turn.Activity.ServiceUrl ?? "", r))],
        };
    }
}
