using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ServiceRecoveryBot.Protocol.Authentication;

/// <summary>Registers Bot Framework inbound and outbound authentication from the configuration root.</summary>
public static class BotAuthenticationServiceCollectionExtensions
{
    /// <summary>Named HttpClient for OpenID metadata and JWKS fetches.</summary>
    public const string MetadataHttpClient = "BotFramework.OpenIdMetadata";

    /// <summary>Named HttpClient behind Azure.Identity's token requests.</summary>
    public const string TokenHttpClient = "BotFramework.Token";

    /// <summary>
    /// Binds <see cref="BotAuthenticationOptions"/> from the configuration root (MicrosoftAppId, MicrosoftAppPassword, ...;
    /// <c>Bot:AllowEmulatorTokens</c>), validates it at startup, and registers <see cref="IActivityAuthenticator"/>
    /// (<see cref="BotFrameworkAuthenticator"/>, or <see cref="LocalOnlyAuthenticator"/> when no app id is configured) and
    /// <see cref="IConnectorCredentials"/> (<see cref="BotFrameworkConnectorCredentials"/>, or
    /// <see cref="AnonymousConnectorCredentials"/> without an app id).
    /// </summary>
    public static IServiceCollection AddBotFrameworkAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<BotAuthenticationOptions>().Bind(configuration).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotAuthenticationOptions>, BotAuthenticationOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();

        services.AddHttpClient(MetadataHttpClient, http => http.Timeout = TimeSpan.FromSeconds(10));
        services.AddHttpClient(TokenHttpClient, http => http.Timeout = TimeSpan.FromSeconds(30));

        services.TryAddSingleton<IActivityAuthenticator>(sp =>
            sp.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value.IsConfigured
                ? ActivatorUtilities.CreateInstance<BotFrameworkAuthenticator>(sp)
                : new LocalOnlyAuthenticator());
        services.TryAddSingleton<IConnectorCredentials>(sp =>
            sp.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value.IsConfigured
                ? ActivatorUtilities.CreateInstance<BotFrameworkConnectorCredentials>(sp)
                : new AnonymousConnectorCredentials());
        return services;
    }
}
