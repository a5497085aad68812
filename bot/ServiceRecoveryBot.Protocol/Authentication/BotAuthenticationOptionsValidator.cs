using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ServiceRecoveryBot.Protocol.Authentication;

/// <summary>
/// Refuses at startup a configuration that could never authenticate (or would authenticate too much): missing
/// secrets or tenant, non-https endpoints, and emulator tokens outside Development (when a host environment is known).
/// </summary>
public sealed class BotAuthenticationOptionsValidator(IHostEnvironment? environment = null) : IValidateOptions<BotAuthenticationOptions>
{
    public ValidateOptionsResult Validate(string? name, BotAuthenticationOptions options)
    {
        var errors = new List<string>();
        if (!options.IsConfigured)
        {
            if (!string.IsNullOrEmpty(options.MicrosoftAppPassword))
                errors.Add("MicrosoftAppPassword is set but MicrosoftAppId is empty.");
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }

        if (options.AllowEmulatorTokens && environment is not null && !environment.IsDevelopment())
            errors.Add($"Bot:AllowEmulatorTokens is for Development only (environment is {environment.EnvironmentName}).");
        if (!Guid.TryParse(options.MicrosoftAppId, out _))
            errors.Add("MicrosoftAppId must be a GUID.");
        if (!BotAuthenticationOptions.TryParseAppType(options.MicrosoftAppType, out _))
            errors.Add($"MicrosoftAppType '{options.MicrosoftAppType}' is not one of MultiTenant, SingleTenant, UserAssignedMSI.");
        switch (options.AppType)
        {
            case BotAppType.MultiTenant:
                RequirePassword(options, errors);
                break;
            case BotAppType.SingleTenant:
                RequirePassword(options, errors);
                if (string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
                    errors.Add("MicrosoftAppType SingleTenant requires MicrosoftAppTenantId.");
                break;
            case BotAppType.UserAssignedMSI:
                if (!string.IsNullOrEmpty(options.MicrosoftAppPassword))
                    errors.Add("MicrosoftAppType UserAssignedMSI uses the managed identity; remove MicrosoftAppPassword.");
                break;
        }

        if (options.MicrosoftAppTenantId is { Length: > 0 } tenant && !IsTenantName(tenant))
            errors.Add("MicrosoftAppTenantId must be a tenant GUID or domain name.");

        RequireSecureUrl(nameof(options.BotOpenIdMetadata), options.BotOpenIdMetadata, errors);
        RequireSecureUrl(nameof(options.ToBotFromEmulatorOpenIdMetadataUrl), options.ToBotFromEmulatorOpenIdMetadataUrl, errors);
        if (!Uri.TryCreate(options.ResolveLoginUrl(), UriKind.Absolute, out var loginUrl) || loginUrl.Scheme != Uri.UriSchemeHttps)
            errors.Add("ToChannelFromBotLoginUrl must be an https URL (Azure.Identity refuses http authorities, loopback included).");
        else if (loginUrl.AbsolutePath.Trim('/') is var tenantSegment && (tenantSegment.Length == 0 || tenantSegment.Contains('/', StringComparison.Ordinal)))
            errors.Add("ToChannelFromBotLoginUrl must be '<authority host>/<tenant>', e.g. https://login.microsoftonline.com/botframework.com.");
        if (string.IsNullOrWhiteSpace(options.ToBotFromChannelTokenIssuer))
            errors.Add("ToBotFromChannelTokenIssuer must not be empty.");
        if (!Uri.TryCreate(options.ToChannelFromBotOAuthScope, UriKind.Absolute, out _))
            errors.Add("ToChannelFromBotOAuthScope must be an absolute URI such as https://api.botframework.com.");
        foreach (var host in options.TrustedServiceUrlHosts)
        {
            var bare = host.StartsWith("*.", StringComparison.Ordinal) ? host[2..] : host;
            if (Uri.CheckHostName(bare) is UriHostNameType.Unknown || bare.Contains('*', StringComparison.Ordinal))
                errors.Add($"TrustedServiceUrlHosts entry '{host}' is not a host name (use 'example.com' or '*.example.com').");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void RequirePassword(BotAuthenticationOptions options, List<string> errors)
    {
        if (string.IsNullOrEmpty(options.MicrosoftAppPassword))
            errors.Add($"MicrosoftAppType {options.AppType} requires MicrosoftAppPassword.");
    }

    private static void RequireSecureUrl(string name, string? value, List<string> errors)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
            errors.Add($"{name} must be an absolute URL.");
        else if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            errors.Add($"{name} must use https (http is accepted for loopback test servers only).");
    }

    private static bool IsTenantName(string tenant) =>
        tenant.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.');
}
