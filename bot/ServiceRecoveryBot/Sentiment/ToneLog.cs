using Microsoft.Extensions.Logging;

namespace ServiceRecoveryBot.Sentiment;

/// <summary>Log events of tone analysis (4100-4199). Customer text is never logged above Debug.</summary>
internal static partial class ToneLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning,
        Message = "Azure AI Language did not answer within the turn budget of {BudgetMs} ms; the local analyzer answered")]
    public static partial void TurnBudgetExceeded(ILogger logger, double budgetMs);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning,
        Message = "Azure AI Language request failed with status {Status} {ErrorCode} (apim-request-id {ApimRequestId}) for {DocumentCount} documents")]
    public static partial void RequestFailed(ILogger logger, int status, string? errorCode, string? apimRequestId, int documentCount);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning,
        Message = "Azure AI Language gave no score for a document: {ErrorCode} (apim-request-id {ApimRequestId}); the local analyzer answered")]
    public static partial void DocumentNotScored(ILogger logger, string? errorCode, string? apimRequestId);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning,
        Message = "Azure AI Language could not be reached: {Reason}; the local analyzer answered")]
    public static partial void Unreachable(ILogger logger, string reason);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning,
        Message = "Azure AI Language throttled the call and asked to wait {RetryAfterSeconds} s, beyond the turn budget (apim-request-id {ApimRequestId}); the local analyzer answered")]
    public static partial void ThrottledBeyondBudget(ILogger logger, double retryAfterSeconds, string? apimRequestId);
}
