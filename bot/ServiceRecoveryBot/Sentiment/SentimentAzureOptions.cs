namespace ServiceRecoveryBot.Sentiment;

/// <summary>Azure AI Language settings (section <c>Sentiment:Azure</c>).</summary>
public sealed class SentimentAzureOptions
{
    /// <summary>The current GA api-version of analyze-text (see shared docs/azure-language-and-tables.md A.1).</summary>
    public const string DefaultApiVersion = "2025-11-01";

    /// <summary>The resource endpoint, e.g. https://my-language.cognitiveservices.azure.com.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>
    /// Resource key (header Ocp-Apim-Subscription-Key). When empty, Microsoft Entra ID is used: the managed identity
    /// <see cref="ManagedIdentityClientId"/> when set, otherwise DefaultAzureCredential.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>Client id of the user-assigned managed identity to sign in with (infra/ sets it).</summary>
    public string? ManagedIdentityClientId { get; set; }

    public string ApiVersion { get; set; } = DefaultApiVersion;

    /// <summary>Optional model version; the service uses "latest" when empty.</summary>
    public string? ModelVersion { get; set; }

    /// <summary>The longest a chat turn waits for Azure (retries and Retry-After included) before the local analyzer answers.</summary>
    public TimeSpan TurnBudget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Network timeout of one HTTP attempt.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after a throttled (429) or transient failure, within the turn budget.</summary>
    public int MaxRetries { get; set; } = 2;
}
