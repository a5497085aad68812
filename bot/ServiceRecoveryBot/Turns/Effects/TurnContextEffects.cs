using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Turns.Effects;

/// <summary>Gives every turn its typed <see cref="TurnEffects"/>: <c>turn.Effects.Add(...)</c>, <c>turn.Effects.SaveCase(...)</c>.</summary>
public static class TurnContextEffects
{
    extension(TurnContext turn)
    {
        /// <summary>The effects this turn commits with its state.</summary>
        public TurnEffects Effects => turn.Part<TurnEffects>();
    }
}
