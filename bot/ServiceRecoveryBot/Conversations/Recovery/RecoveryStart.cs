using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Conversations.Recovery;

/// <summary>How a recovery begins: from a first free-text message, or resuming a stored case.</summary>
public sealed record RecoveryStart(string? FirstMessage, RecoveryCase? Resume);
