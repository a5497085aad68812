using Microsoft.Extensions.Configuration;

namespace ServiceRecoveryBot.Protocol.Authentication;

/// <summary>
/// Bot Framework authentication settings, bound from the configuration root under the Bot Framework's standard names
/// (<c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, ...) so an Azure Bot resource's app settings work unchanged.
/// An empty <see cref="MicrosoftAppId"/> means local development: no inbound tokens, no outbound tokens.
/// </summary>
public sealed class BotAuthenticationOptions
{
    public const string DefaultOpenIdMetadata = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string DefaultChannelTokenIssuer = "https://api.botframework.com";
    public const string DefaultEmulatorOpenIdMetadata = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";
    public const string DefaultLoginHost = "https://login.microsoftonline.com";
    public const string MultiTenantLoginTenant = "botframework.com";
    public const string DefaultOAuthScope = "https://api.botframework.com";

    /// <summary>
    /// The raw <c>MicrosoftAppType</c> setting (MultiTenant, SingleTenant or UserAssignedMSI, case-insensitive). Kept as
    /// a string because the Bot Framework templates ship it empty, which means MultiTenant; see <see cref="AppType"/>.
    /// </summary>
    public string? MicrosoftAppType { get; set; }

    /// <summary>The parsed app type: MultiTenant when the setting is empty (an unknown value fails validation).</summary>
    public BotAppType AppType => TryParseAppType(MicrosoftAppType, out var type) ? type : BotAppType.MultiTenant;

    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>OpenID metadata of the channel (ABS) token issuer.</summary>
    public string BotOpenIdMetadata { get; set; } = DefaultOpenIdMetadata;

    /// <summary>The only <c>iss</c> accepted on the channel path.</summary>
    public string ToBotFromChannelTokenIssuer { get; set; } = DefaultChannelTokenIssuer;

    /// <summary>OpenID metadata for Entra ID issued tokens (emulator and single-tenant callers).</summary>
    public string ToBotFromEmulatorOpenIdMetadataUrl { get; set; } = DefaultEmulatorOpenIdMetadata;

    /// <summary>
    /// Emulator issuers, accepted only when <see cref="AllowEmulatorTokens"/> is on. Configured entries are added to the
    /// public-cloud defaults.
    /// </summary>
    public List<string> ToBotFromEmulatorTokenIssuers { get; set; } =
    [
        "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",
        "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0",
        "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
        "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
    ];

    /// <summary><c>Bot:AllowEmulatorTokens</c>: accept Bot Framework Emulator tokens (Development only). Off by default.</summary>
    [ConfigurationKeyName("Bot:AllowEmulatorTokens")]
    public bool AllowEmulatorTokens { get; set; }

    /// <summary>Token authority for outbound calls; when empty, derived from the app type (see <see cref="ResolveLoginUrl"/>).</summary>
    public string? ToChannelFromBotLoginUrl { get; set; }

    /// <summary>Resource of the outbound token; the scope requested is <c>{this}/.default</c>.</summary>
    public string ToChannelFromBotOAuthScope { get; set; } = DefaultOAuthScope;

    /// <summary>
    /// Hosts that may receive the bot's outbound token (https only). A leading <c>*.</c> matches any subdomain.
    /// Configured entries are added to the defaults.
    /// </summary>
    public List<string> TrustedServiceUrlHosts { get; set; } =
    [
        "smba.trafficmanager.net",
        "smba.infra.gcc.teams.microsoft.com",
        "smba.infra.gov.teams.microsoft.us",
        "smba.infra.dod.teams.microsoft.us",
        "slack.botframework.com",
        "directline.botframework.com",
        "*.directline.botframework.com",
    ];

    /// <summary>Parses a <c>MicrosoftAppType</c> value by name; empty means MultiTenant.</summary>
    public static bool TryParseAppType(string? value, out BotAppType type)
    {
        type = BotAppType.MultiTenant;
        if (string.IsNullOrWhiteSpace(value))
            return true;
        return Enum.GetNames<BotAppType>().FirstOrDefault(name => name.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase)) is { } match
            && Enum.TryParse(match, out type);
    }

    /// <summary>True when an app id is configured, i.e. Bot Framework authentication is on.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>The configured login URL, or login.microsoftonline.com with the tenant (SingleTenant) or botframework.com.</summary>
    public string ResolveLoginUrl() =>
        !string.IsNullOrWhiteSpace(ToChannelFromBotLoginUrl) ? ToChannelFromBotLoginUrl.TrimEnd('/')
        : AppType == BotAppType.SingleTenant && !string.IsNullOrWhiteSpace(MicrosoftAppTenantId) ? $"{DefaultLoginHost}/{MicrosoftAppTenantId}"
        : $"{DefaultLoginHost}/{MultiTenantLoginTenant}";

    /// <summary>The outbound scope, e.g. <c>https://api.botframework.com/.default</c>.</summary>
    public string ResolveScope() => ToChannelFromBotOAuthScope.TrimEnd('/') + "/.default";
}
