using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ServiceRecoveryBot.Protocol.Authentication;

/// <summary>
/// Outbound Connector tokens (protocol reference §3) from Azure.Identity: a client secret for MultiTenant and
/// SingleTenant bots (authority from <c>ToChannelFromBotLoginUrl</c>), the user-assigned managed identity for
/// UserAssignedMSI. The scope is <c>{ToChannelFromBotOAuthScope}/.default</c>. The token is cached until 5 minutes before
/// it expires and renewed by one caller at a time. Service URLs whose host is not trusted get no token (null), and so
/// does everything when no app id is configured.
/// </summary>
public sealed partial class BotFrameworkConnectorCredentials : IConnectorCredentials
{
    public static readonly TimeSpan RenewBeforeExpiry = TimeSpan.FromMinutes(5);

    private readonly BotAuthenticationOptions options;
    private readonly TokenCredential? credential;
    private readonly TimeProvider clock;
    private readonly ILogger logger;
    private readonly TokenRequestContext request;
    private readonly SemaphoreSlim renewal = new(1, 1);
    private volatile CachedToken? cached;

    public BotFrameworkConnectorCredentials(
        IOptions<BotAuthenticationOptions> options,
        IHttpClientFactory httpClientFactory,
        TimeProvider clock,
        ILogger<BotFrameworkConnectorCredentials> logger)
        : this(options.Value, CreateCredential(options.Value, httpClientFactory), clock, logger)
    {
    }

    /// <summary>For tests: any <see cref="TokenCredential"/> behind the cache.</summary>
    internal BotFrameworkConnectorCredentials(
        BotAuthenticationOptions options, TokenCredential? credential, TimeProvider clock, ILogger logger)
    {
        this.options = options;
        this.credential = credential;
        this.clock = clock;
        this.logger = logger;
        request = new TokenRequestContext([options.ResolveScope()]);
    }

    public async ValueTask<string?> GetTokenAsync(Uri serviceUrl, CancellationToken ct)
    {
        if (credential is null)
            return null;
        if (!TrustedServiceUrls.IsTrusted(serviceUrl, options.TrustedServiceUrlHosts))
        {
            UntrustedServiceUrl(logger, serviceUrl.GetLeftPart(UriPartial.Authority));
            return null;
        }

        if (cached is { } token && IsFresh(token))
            return token.Value;

        await renewal.WaitAsync(ct);
        try
        {
            if (cached is { } renewed && IsFresh(renewed))
                return renewed.Value;
            try
            {
                var fresh = await credential.GetTokenAsync(request, ct);
                cached = new CachedToken(fresh.Token, fresh.ExpiresOn);
                TokenAcquired(logger, options.AppType, fresh.ExpiresOn);
                return fresh.Token;
            }
            catch (AuthenticationFailedException ex)
            {
                TokenFailed(logger, ex, options.AppType);
                throw;
            }
        }
        finally
        {
            renewal.Release();
        }
    }

    private bool IsFresh(CachedToken token) => clock.GetUtcNow() < token.ExpiresOn - RenewBeforeExpiry;

    internal static TokenCredential? CreateCredential(BotAuthenticationOptions options, IHttpClientFactory httpClientFactory)
    {
        if (!options.IsConfigured)
            return null;

        var transport = new HttpClientTransport(httpClientFactory.CreateClient(BotAuthenticationServiceCollectionExtensions.TokenHttpClient));
        if (options.AppType == BotAppType.UserAssignedMSI)
        {
            return new ManagedIdentityCredential(new ManagedIdentityCredentialOptions(ManagedIdentityId.FromUserAssignedClientId(options.MicrosoftAppId!))
            {
                Transport = transport,
            });
        }

        var loginUrl = new Uri(options.ResolveLoginUrl());
        var tenant = loginUrl.AbsolutePath.Trim('/');
        if (string.IsNullOrEmpty(tenant) || tenant.Contains('/', StringComparison.Ordinal))
            throw new InvalidOperationException("ToChannelFromBotLoginUrl must be '<authority host>/<tenant>', e.g. https://login.microsoftonline.com/botframework.com.");

        return new ClientSecretCredential(tenant, options.MicrosoftAppId, options.MicrosoftAppPassword, new ClientSecretCredentialOptions
        {
            AuthorityHost = new Uri(loginUrl.GetLeftPart(UriPartial.Authority)),
            DisableInstanceDiscovery = true,
            Transport = transport,
        });
    }

    /// <summary>A reference type, so readers outside the lock never see a torn token/expiry pair.</summary>
    private sealed record CachedToken(string Value, DateTimeOffset ExpiresOn);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Acquired a {AppType} Connector token valid until {ExpiresOn}")]
    private static partial void TokenAcquired(ILogger logger, BotAppType appType, DateTimeOffset expiresOn);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Error, Message = "Could not acquire a {AppType} Connector token")]
    private static partial void TokenFailed(ILogger logger, Exception exception, BotAppType appType);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Debug, Message = "No token attached for untrusted service URL {ServiceUrl}")]
    private static partial void UntrustedServiceUrl(ILogger logger, string serviceUrl);
}
