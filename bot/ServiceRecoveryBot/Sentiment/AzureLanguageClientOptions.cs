using Azure.Core;

namespace ServiceRecoveryBot.Sentiment;

/// <summary>Azure.Core client options for the Azure AI Language pipeline (retries, transport, diagnostics).</summary>
internal sealed class AzureLanguageClientOptions : ClientOptions
{
    public AzureLanguageClientOptions(SentimentAzureOptions options)
    {
        Retry.MaxRetries = options.MaxRetries;
        Retry.Mode = Azure.Core.RetryMode.Exponential;
        Retry.Delay = TimeSpan.FromMilliseconds(250);
        Retry.MaxDelay = options.TurnBudget;
        Retry.NetworkTimeout = options.Timeout;
        Diagnostics.ApplicationId = "ServiceRecoveryBot";
        Diagnostics.IsLoggingContentEnabled = false;
        Diagnostics.IsTelemetryEnabled = false;
        Diagnostics.IsDistributedTracingEnabled = false;
    }
}
