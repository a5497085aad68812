using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace ServiceRecoveryBot.Sentiment;

/// <summary>
/// Sends the resource key in <c>Ocp-Apim-Subscription-Key</c> on every attempt (Azure.Core keeps its own
/// AzureKeyCredentialPolicy internal). Reads the credential each time, so <see cref="AzureKeyCredential.Update"/> rotates keys.
/// </summary>
internal sealed class SubscriptionKeyPolicy(AzureKeyCredential credential) : HttpPipelineSynchronousPolicy
{
    public const string HeaderName = "Ocp-Apim-Subscription-Key";

    public override void OnSendingRequest(HttpMessage message) => message.Request.Headers.SetValue(HeaderName, credential.Key);
}
