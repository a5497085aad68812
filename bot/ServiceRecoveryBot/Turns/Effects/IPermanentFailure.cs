namespace ServiceRecoveryBot.Turns.Effects;

/// <summary>
/// Marks an exception that fails the same way every time (a store's own limit check, before any request): an effect
/// that throws one is logged as an error and not retried. Implemented by the stores' exceptions.
/// </summary>
public interface IPermanentFailure;
