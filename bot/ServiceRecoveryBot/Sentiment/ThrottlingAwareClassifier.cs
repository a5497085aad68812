using Azure.Core;

namespace ServiceRecoveryBot.Sentiment;

/// <summary>Azure.Core's default classifier, except that 429 is left to <see cref="AzureLanguageToneAnalyzer"/>, which weighs Retry-After against the turn budget.</summary>
internal sealed class ThrottlingAwareClassifier : ResponseClassifier
{
    public override bool IsRetriableResponse(HttpMessage message) =>
        message.Response.Status != 429 && base.IsRetriableResponse(message);
}
