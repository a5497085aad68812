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

    /// <summary>
    /// The bytes the in-memory cache of rows (state documents, case versions, Slack names) may hold; entries are sized by
    /// what they hold, so a load of large documents evicts sooner instead of growing the heap.
    /// </summary>
    public long CacheBytes { get; set; } = 64 * 1024 * 1024;
}
