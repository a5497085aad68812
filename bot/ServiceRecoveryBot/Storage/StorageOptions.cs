namespace ServiceRecoveryBot.Storage;

/// <summary>
/// Table Storage settings (section "Storage"). The connection string is <c>ConnectionStrings:Tables</c>; without it,
/// <see cref="TableEndpoint"/> and managed identity (Azure.Identity) are used.
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Prefix for every table name, so several deployments or test classes can share one account.</summary>
    public string TablePrefix { get; set; } = "";

    public Uri? TableEndpoint { get; set; }

    public string? ManagedIdentityClientId { get; set; }
}
