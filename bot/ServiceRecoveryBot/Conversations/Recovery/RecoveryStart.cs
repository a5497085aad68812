using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Conversations.Recovery;

/// <summary>
/// How a recovery begins: from a first free-text message, or resuming a stored case (with the category the bot had
/// suggested, when the quick path hands a case to the coached walk).
/// </summary>
public sealed record RecoveryStart(string? FirstMessage, RecoveryCase? Resume, FailureCategory? SuggestedCategory = null);
