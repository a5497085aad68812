namespace ServiceRecoveryBot.Sentiment;

/// <summary>
/// The Azure AI Language answer for one document. <see cref="Assessment"/> is null ("no score") when the service
/// rejected that document (empty, too long, unsupported language) or the whole request failed; <see cref="ErrorCode"/>
/// then says why (the inner error code when there is one, e.g. <c>InvalidDocument</c>, <c>UnsupportedLanguageCode</c>,
/// or <c>Http429</c>, <c>Http400</c>, <c>Network</c> for request-level failures).
/// </summary>
public sealed record AzureToneResult(string Id, ToneAssessment? Assessment, string? ErrorCode = null, string? RequestId = null)
{
    public bool HasScore => Assessment is not null;
}
