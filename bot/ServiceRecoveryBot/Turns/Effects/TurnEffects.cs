using System.Collections;
using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Turns.Effects;

/// <summary>
/// The effects a turn asks for, in order (<c>turn.Effects</c>): committed with its state, so a turn that loses its race
/// runs none. A case is saved once per turn, with the last version the turn produced.
/// </summary>
public sealed class TurnEffects : IReadOnlyList<Effect>
{
    private readonly List<Effect> effects = [];

    public int Count => effects.Count;

    public Effect this[int index] => effects[index];

    public void Add(Effect effect) => effects.Add(effect);

    /// <summary>Stores the case the turn opened, on its reserved id.</summary>
    public void CreateCase(RecoveryCase opened) => effects.Add(new CreateCase(opened));

    /// <summary>Saves the case after the commit; a later change in the turn replaces the queued version in place.</summary>
    public void SaveCase(RecoveryCase latest)
    {
        var at = IndexOf(latest.Id);
        if (at < 0) effects.Add(new SaveCase(latest));
        else effects[at] = effects[at] is CreateCase ? new CreateCase(latest) : new SaveCase(latest);
    }

    /// <summary>True when this turn saves the case already (so later changes in the turn ride along).</summary>
    public bool SavesCase(CaseId id) => IndexOf(id) >= 0;

    public IEnumerator<Effect> GetEnumerator() => effects.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(CaseId id) => effects.FindIndex(e => e is CreateCase c && c.Case.Id == id || e is SaveCase s && s.Case.Id == id);
}
