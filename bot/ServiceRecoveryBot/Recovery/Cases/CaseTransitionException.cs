namespace ServiceRecoveryBot.Recovery.Cases;

/// <summary>A move the case's status does not allow: a bug in the caller, not bad user input.</summary>
public sealed class CaseTransitionException(CaseId id, CaseStatus from, CaseStatus to)
    : InvalidOperationException($"Case {id} cannot go from {from} to {to}.");
