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

    /// <summary>How long the channel asked the sender to wait before sending again (its <c>Retry-After</c>), if it said.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
