using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ServiceRecoveryBot.Protocol.Authentication;

/// <summary>
/// Fetches and caches one issuer's OpenID metadata and JWKS. The raw JWKS is read here (rather than through
/// <c>OpenIdConnectConfigurationRetriever</c>) because the retriever drops the Bot Framework's <c>endorsements</c>
/// arrays, and one fetch must give both the keys and their endorsements. The cache is refreshed every 12 hours, on
/// demand when a token names an unknown key id (at most once per 5 minutes), and keeps the last good copy when a
/// refresh fails. Refreshes are single-flight. Times come from the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed partial class SigningMetadataProvider(
    Uri metadataUrl, Func<HttpClient> httpClients, TimeProvider clock, ILogger logger)
{
    public static readonly TimeSpan AutomaticRefreshInterval = TimeSpan.FromHours(12);
    public static readonly TimeSpan MinimumRefreshInterval = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan FailedFetchRetryInterval = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile SigningMetadata? current;
    private DateTimeOffset? lastForcedRefresh;
    private DateTimeOffset? lastFailure;

    public Uri MetadataUrl => metadataUrl;

    /// <summary>The cached metadata, fetched when missing or older than 12 hours; null when none could be fetched.</summary>
    public async Task<SigningMetadata?> GetAsync(CancellationToken ct)
    {
        var snapshot = current;
        if (snapshot is not null && clock.GetUtcNow() - snapshot.FetchedAt < AutomaticRefreshInterval)
            return snapshot;

        await gate.WaitAsync(ct);
        try
        {
            if (current is { } fresh && clock.GetUtcNow() - fresh.FetchedAt < AutomaticRefreshInterval)
                return fresh;
            if (lastFailure is { } failedAt && clock.GetUtcNow() - failedAt < FailedFetchRetryInterval)
                return current;
            return await FetchAsync(ct) ?? current;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// A token named a key id that <paramref name="seen"/> does not have: refetch, unless another caller already did or
    /// the last forced refresh was less than 5 minutes ago.
    /// </summary>
    public async Task<SigningMetadata?> RefreshForUnknownKeyAsync(SigningMetadata seen, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            if (!ReferenceEquals(current, seen))
                return current;
            var now = clock.GetUtcNow();
            if (lastForcedRefresh is { } last && now - last < MinimumRefreshInterval)
                return current;
            lastForcedRefresh = now;
            return await FetchAsync(ct) ?? current;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<SigningMetadata?> FetchAsync(CancellationToken ct)
    {
        var retriever = new HttpDocumentRetriever(httpClients()) { RequireHttps = !metadataUrl.IsLoopback };
        try
        {
            var metadataJson = await retriever.GetDocumentAsync(metadataUrl.AbsoluteUri, ct);
            var configuration = OpenIdConnectConfiguration.Create(metadataJson);
            if (!Uri.TryCreate(configuration.JwksUri, UriKind.Absolute, out var jwksUri)
                || !(jwksUri.Scheme == Uri.UriSchemeHttps || (jwksUri.IsLoopback && metadataUrl.IsLoopback)))
            {
                throw new InvalidDataException("The metadata document has no usable https jwks_uri.");
            }

            var jwksJson = await retriever.GetDocumentAsync(jwksUri.AbsoluteUri, ct);
            var keys = new JsonWebKeySet(jwksJson).GetSigningKeys()
                .Where(key => !string.IsNullOrEmpty(key.KeyId))
                .GroupBy(key => key.KeyId, StringComparer.Ordinal)
                .ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
            var metadata = new SigningMetadata(keys, ReadEndorsements(jwksJson), clock.GetUtcNow());
            current = metadata;
            lastFailure = null;
            MetadataFetched(logger, metadataUrl, keys.Count);
            return metadata;
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or JsonException or ArgumentException
                                       or InvalidOperationException or InvalidDataException
                                   || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            lastFailure = clock.GetUtcNow();
            MetadataFetchFailed(logger, ex, metadataUrl);
            return null;
        }
    }

    /// <summary>kid -> channel ids, from each key's <c>endorsements</c> array; keys without one endorse nothing.</summary>
    internal static Dictionary<string, IReadOnlySet<string>> ReadEndorsements(string jwksJson)
    {
        var result = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(jwksJson);
        if (!document.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
            return result;
        foreach (var key in keys.EnumerateArray())
        {
            if (key.ValueKind != JsonValueKind.Object
                || !key.TryGetProperty("kid", out var kid) || kid.ValueKind != JsonValueKind.String
                || !key.TryGetProperty("endorsements", out var endorsements) || endorsements.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            var channels = endorsements.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.String)
                .Select(e => e.GetString()!)
                .ToHashSet(StringComparer.Ordinal);
            result[kid.GetString()!] = channels;
        }

        return result;
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Fetched signing keys from {MetadataUrl}: {KeyCount} keys")]
    private static partial void MetadataFetched(ILogger logger, Uri metadataUrl, int keyCount);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Error, Message = "Could not fetch signing keys from {MetadataUrl}")]
    private static partial void MetadataFetchFailed(ILogger logger, Exception exception, Uri metadataUrl);
}
