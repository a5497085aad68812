using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Turns.Effects;

/// <summary>A reply the channel did not take (throttled, failed or timed out): the reply is retried, after the channel's Retry-After.</summary>
public sealed class ReplyNotSentException(SendResult result)
    : Exception($"The channel did not take the reply: {result.Outcome} {result.Detail}".TrimEnd())
{
    public TimeSpan? RetryAfter => result.RetryAfter;
}
