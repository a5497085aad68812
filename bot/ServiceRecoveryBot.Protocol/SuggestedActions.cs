namespace ServiceRecoveryBot.Protocol;

public sealed record SuggestedActions
{
    public required IReadOnlyList<CardAction> Actions { get; init; }
    public IReadOnlyList<string>? To { get; init; }
}

public sealed record CardAction
{
    public required string Type { get; init; }
    public required string Title { get; init; }
    public string? Value { get; init; }
}
