namespace ServiceRecoveryBot.Protocol;

public sealed record ResourceResponse(string? Id);
