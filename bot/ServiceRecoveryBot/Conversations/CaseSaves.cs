using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Conversations;

/// <summary>
/// Saves a case once per turn, after the turn's state is committed, with the last version the turn produced.
/// A turn that loses its race is discarded whole, so it saves nothing.
/// </summary>
public static class CaseSaves
{
    /// <summary>True when this turn already saves the case (so later changes in the turn ride along).</summary>
    public static bool IsQueued(TurnContext turn, CaseId id) => turn.TurnState.ContainsKey(Key(id));

    public static void Queue(TurnContext turn, ICaseStore cases, RecoveryCase latest)
    {
        var key = Key(latest.Id);
        var first = !turn.TurnState.ContainsKey(key);
        turn.TurnState[key] = latest;
        if (first) turn.OnCommitted(token => cases.SaveAsync((RecoveryCase)turn.TurnState[key], token));
    }

    private static string Key(CaseId id) => "case:" + id.Value;
}
