using System.Text.Json.Serialization;

namespace ServiceRecoveryBot.Channels.DirectLine;

/// <summary>The answer to start and refresh: no <c>streamUrl</c>, because this subset only polls.</summary>
public sealed record DirectLineConversationResponse(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);
