namespace ServiceRecoveryBot.Protocol;

public enum SendOutcome
{
    Delivered,
    Throttled,
    ConversationGone,
    Failed,
}

public sealed record SendResult(SendOutcome Outcome, string? ActivityId = null, string? Detail = null)
{
    public bool IsDelivered => Outcome == SendOutcome.Delivered;
}
