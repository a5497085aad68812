namespace ServiceRecoveryBot.Protocol;

/// <summary>Decides what one turn does. Runs against state the caller loaded; must not send anything itself.</summary>
public interface IBot
{
    Task OnTurnAsync(TurnContext turn, CancellationToken ct);
}
