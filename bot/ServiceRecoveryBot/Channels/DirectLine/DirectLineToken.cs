namespace ServiceRecoveryBot.Channels.DirectLine;

/// <summary>An opaque bearer token that grants access to one local Direct Line conversation until it expires.</summary>
public sealed record DirectLineToken(string Value, string ConversationId, DateTimeOffset ExpiresAt);
