using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ServiceRecoveryBot.Protocol.Authentication;

/// <summary>
/// Validates the Bot Framework JWT on <c>POST /api/messages</c> (protocol reference §2). Channel (ABS) tokens: issuer,
/// audience == app id, lifetime with 5 minutes of skew, RS256 signature by a key from the channel metadata, the key
/// endorsed for the activity's channelId, and the <c>serviceurl</c> claim equal to the activity's serviceUrl.
/// Entra ID tokens (the bot's own tenant for SingleTenant bots; the emulator's issuers only with
/// <c>Bot:AllowEmulatorTokens</c>): issuer, audience, lifetime, signature and the caller app id (<c>appid</c> for
/// v1.0 tokens, <c>azp</c> for v2.0) equal to the bot's app id. With no app id configured, the request is handed to
/// <see cref="LocalOnlyAuthenticator"/>. Never throws for bad input: every failure is a
/// <see cref="AuthenticationResult.Fail"/> with a reason that is logged (never the token) and not sent to the caller.
/// </summary>
public sealed partial class BotFrameworkAuthenticator : IActivityAuthenticator
{
    public const string ServiceUrlClaim = "serviceurl";
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private static readonly string[] AllowedAlgorithms = [SecurityAlgorithms.RsaSha256];

    private readonly BotAuthenticationOptions options;
    private readonly TimeProvider clock;
    private readonly ILogger<BotFrameworkAuthenticator> logger;
    private readonly LocalOnlyAuthenticator localOnly = new();
    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };
    private readonly SigningMetadataProvider? channelKeys;
    private readonly SigningMetadataProvider? entraKeys;
    private readonly HashSet<string> entraIssuers = new(StringComparer.Ordinal);

    public BotFrameworkAuthenticator(
        IOptions<BotAuthenticationOptions> options,
        IHttpClientFactory httpClientFactory,
        TimeProvider clock,
        ILogger<BotFrameworkAuthenticator> logger)
    {
        this.options = options.Value;
        this.clock = clock;
        this.logger = logger;
        if (!this.options.IsConfigured)
            return;

        HttpClient CreateClient() => httpClientFactory.CreateClient(BotAuthenticationServiceCollectionExtensions.MetadataHttpClient);
        channelKeys = new SigningMetadataProvider(new Uri(this.options.BotOpenIdMetadata), CreateClient, clock, logger);

        if (this.options.AppType == BotAppType.SingleTenant && this.options.MicrosoftAppTenantId is { Length: > 0 } tenant)
        {
            entraIssuers.Add($"https://sts.windows.net/{tenant}/");
            entraIssuers.Add($"https://login.microsoftonline.com/{tenant}/v2.0");
        }

        if (this.options.AllowEmulatorTokens)
            entraIssuers.UnionWith(this.options.ToBotFromEmulatorTokenIssuers);
        entraIssuers.Remove(this.options.ToBotFromChannelTokenIssuer);

        if (entraIssuers.Count > 0)
            entraKeys = new SigningMetadataProvider(new Uri(this.options.ToBotFromEmulatorOpenIdMetadataUrl), CreateClient, clock, logger);
    }

    public async Task<AuthenticationResult> AuthenticateAsync(InboundRequest request, Activity activity, CancellationToken ct)
    {
        if (channelKeys is null)
        {
            var local = await localOnly.AuthenticateAsync(request, activity, ct);
            return local.Succeeded ? local : Reject(local.Failure ?? "Refused in local-only mode.", activity);
        }

        if (!TryReadBearerToken(request.AuthorizationHeader, out var token, out var headerProblem))
            return Reject(headerProblem, activity);

        JsonWebToken unverified;
        try
        {
            unverified = handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return Reject("The bearer token is not a well-formed JWT.", activity);
        }

        var result = entraKeys is not null && TryGetIssuer(unverified) is { } issuer && entraIssuers.Contains(issuer)
            ? await ValidateEntraTokenAsync(token, unverified, ct)
            : await ValidateChannelTokenAsync(token, unverified, activity, ct);
        return result.Succeeded ? result : Reject(result.Failure ?? "The token was refused.", activity);
    }

    /// <summary>Accepts exactly <c>Bearer &lt;token&gt;</c>: one space, the scheme as written, a non-empty token.</summary>
    internal static bool TryReadBearerToken(string? header, out string token, out string problem)
    {
        token = "";
        problem = "";
        if (string.IsNullOrEmpty(header))
        {
            problem = "No Authorization header.";
            return false;
        }

        var parts = header.Split(' ');
        if (parts.Length != 2)
        {
            problem = "The Authorization header must be exactly 'Bearer <token>'.";
            return false;
        }

        if (!string.Equals(parts[0], "Bearer", StringComparison.Ordinal))
        {
            problem = "The Authorization scheme is not Bearer.";
            return false;
        }

        if (parts[1].Length == 0)
        {
            problem = "The bearer token is empty.";
            return false;
        }

        token = parts[1];
        return true;
    }

    private async Task<AuthenticationResult> ValidateChannelTokenAsync(
        string token, JsonWebToken unverified, Activity activity, CancellationToken ct)
    {
        var (validated, keyId, failure) = await ValidateSignedTokenAsync(
            token, unverified, channelKeys!, [options.ToBotFromChannelTokenIssuer], ct);
        if (validated is null)
            return AuthenticationResult.Fail(failure!);

        if (string.IsNullOrEmpty(activity.ChannelId) || !validated.Metadata.IsEndorsed(keyId!, activity.ChannelId))
            return AuthenticationResult.Fail("The signing key is not endorsed for the activity's channel.");

        if (!validated.Token.TryGetPayloadValue<string>(ServiceUrlClaim, out var serviceUrl) || string.IsNullOrEmpty(serviceUrl))
            return AuthenticationResult.Fail("The token has no serviceurl claim.");
        if (!string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
            return AuthenticationResult.Fail("The serviceurl claim does not match the activity's serviceUrl.");

        return AuthenticationResult.Success(validated.Identity);
    }

    private async Task<AuthenticationResult> ValidateEntraTokenAsync(string token, JsonWebToken unverified, CancellationToken ct)
    {
        var (validated, _, failure) = await ValidateSignedTokenAsync(token, unverified, entraKeys!, entraIssuers, ct);
        if (validated is null)
            return AuthenticationResult.Fail(failure!);

        validated.Token.TryGetPayloadValue<string>("ver", out var version);
        var appIdClaim = version switch
        {
            null or "" or "1.0" => "appid",
            "2.0" => "azp",
            _ => null,
        };
        if (appIdClaim is null)
            return AuthenticationResult.Fail("The Entra token has an unknown 'ver'.");
        if (!validated.Token.TryGetPayloadValue<string>(appIdClaim, out var callerAppId) || string.IsNullOrEmpty(callerAppId))
            return AuthenticationResult.Fail($"The Entra token has no '{appIdClaim}' claim.");
        if (!string.Equals(callerAppId, options.MicrosoftAppId, StringComparison.OrdinalIgnoreCase))
            return AuthenticationResult.Fail("The Entra token was issued to another app.");

        return AuthenticationResult.Success(validated.Identity);
    }

    private async Task<(ValidatedToken? Validated, string? KeyId, string? Failure)> ValidateSignedTokenAsync(
        string token, JsonWebToken unverified, SigningMetadataProvider keys, IEnumerable<string> validIssuers, CancellationToken ct)
    {
        if (!string.Equals(unverified.Alg, SecurityAlgorithms.RsaSha256, StringComparison.Ordinal))
            return (null, null, "The token is not signed with RS256.");
        if (string.IsNullOrEmpty(unverified.Kid))
            return (null, null, "The token header has no kid.");

        var metadata = await keys.GetAsync(ct);
        if (metadata is null)
            return (null, null, "The signing keys are unavailable.");
        if (!metadata.KeysById.ContainsKey(unverified.Kid))
        {
            metadata = await keys.RefreshForUnknownKeyAsync(metadata, ct);
            if (metadata is null || !metadata.KeysById.TryGetValue(unverified.Kid, out _))
                return (null, null, "The token is signed with an unknown key id.");
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuers = validIssuers.ToArray(),
            ValidateIssuer = true,
            ValidAudience = options.MicrosoftAppId,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = ClockSkew,
            LifetimeValidator = ValidateLifetime,
            RequireSignedTokens = true,
            ValidAlgorithms = AllowedAlgorithms,
            IssuerSigningKeys = [metadata.KeysById[unverified.Kid]],
            TryAllIssuerSigningKeys = false,
            ValidateIssuerSigningKey = false,
            SaveSigninToken = false,
            NameClaimType = "appid",
        };

        TokenValidationResult result;
        try
        {
            result = await handler.ValidateTokenAsync(token, parameters);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException)
        {
            return (null, null, Describe(ex));
        }

        if (!result.IsValid || result.SecurityToken is not JsonWebToken validated)
            return (null, null, Describe(result.Exception));

        return (new ValidatedToken(validated, result.ClaimsIdentity, metadata), unverified.Kid, null);
    }

    /// <summary>Lifetime against the injected clock: exp required, nbf optional, both with 5 minutes of skew.</summary>
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (expires is null)
            throw new SecurityTokenNoExpirationException("The token has no expiry.");
        if (notBefore is { } nbf && nbf > now + ClockSkew)
            throw new SecurityTokenNotYetValidException("The token is not yet valid.") { NotBefore = nbf };
        if (expires.Value < now - ClockSkew)
            throw new SecurityTokenExpiredException("The token has expired.") { Expires = expires.Value };
        return true;
    }

    private static string? TryGetIssuer(JsonWebToken token)
    {
        try
        {
            return token.Issuer;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "The token has expired.",
        SecurityTokenNotYetValidException => "The token is not yet valid.",
        SecurityTokenNoExpirationException => "The token has no expiry.",
        SecurityTokenInvalidLifetimeException => "The token lifetime is invalid.",
        SecurityTokenInvalidIssuerException => "The token issuer is not trusted.",
        SecurityTokenInvalidAudienceException => "The token audience is not this bot.",
        SecurityTokenInvalidAlgorithmException => "The token algorithm is not allowed.",
        SecurityTokenSignatureKeyNotFoundException => "The token is signed with an unknown key.",
        SecurityTokenInvalidSignatureException => "The token signature is invalid.",
        SecurityTokenMalformedException => "The token is malformed.",
        null => "The token failed validation.",
        _ => $"The token failed validation ({exception.GetType().Name}).",
    };

    private AuthenticationResult Reject(string reason, Activity activity)
    {
        AuthenticationRejected(logger, reason, activity.ChannelId, activity.ServiceUrl);
        return AuthenticationResult.Fail(reason);
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning,
        Message = "Inbound activity refused: {Reason} (channel {ChannelId}, serviceUrl {ServiceUrl})")]
    private static partial void AuthenticationRejected(ILogger logger, string reason, string? channelId, string? serviceUrl);

    private sealed record ValidatedToken(JsonWebToken Token, ClaimsIdentity Identity, SigningMetadata Metadata);
}
