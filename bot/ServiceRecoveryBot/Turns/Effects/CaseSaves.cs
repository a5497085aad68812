using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Turns.Effects;

/// <summary>
/// Saves a case once per turn, after the turn's state is committed, with the last version the turn produced: a later
/// change in the same turn replaces the queued version where it stands (an opening stays an opening).
/// A turn that loses its race is discarded whole, so it saves nothing.
/// </summary>
public static class CaseSaves
{
    /// <summary>True when this turn already saves the case (so later changes in the turn ride along).</summary>
    public static bool IsQueued(TurnContext turn, CaseId id) => IndexOf(turn, id) >= 0;

    /// <summary>Stores the case the turn opened, on its reserved id.</summary>
    public static void Create(TurnContext turn, RecoveryCase opened) => turn.Commit(new CreateCase(opened));

    public static void Queue(TurnContext turn, RecoveryCase latest)
    {
        var effects = TurnEffects.Of(turn);
        var at = IndexOf(turn, latest.Id);
        if (at < 0) effects.Add(new SaveCase(latest));
        else effects[at] = effects[at] is CreateCase ? new CreateCase(latest) : new SaveCase(latest);
    }

    private static int IndexOf(TurnContext turn, CaseId id) =>
        TurnEffects.Of(turn).FindIndex(e => e is CreateCase c && c.Case.Id == id || e is SaveCase s && s.Case.Id == id);
}
