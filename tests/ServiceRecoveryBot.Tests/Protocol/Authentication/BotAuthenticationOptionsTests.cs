using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Protocol.Authentication;

namespace ServiceRecoveryBot.Tests.Protocol.Authentication;

/// <summary>Binding from the configuration root under the Bot Framework's names, and startup validation.</summary>
public sealed class BotAuthenticationOptionsTests
{
    private const string TenantId = "3c1f2b7a-5d2e-4a0b-9f57-2d6c1f0a9e88";

    [Fact]
    public void Standard_bot_framework_settings_bind_from_the_configuration_root()
    {
        var options = Bind(new()
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = TestToken.AppId,
            ["MicrosoftAppPassword"] = "secret",
            ["MicrosoftAppTenantId"] = TenantId,
            ["Bot:AllowEmulatorTokens"] = "true",
        });

        Assert.Equal(BotAppType.SingleTenant, options.AppType);
        Assert.Equal(TestToken.AppId, options.MicrosoftAppId);
        Assert.Equal("secret", options.MicrosoftAppPassword);
        Assert.True(options.AllowEmulatorTokens);
        Assert.Equal($"https://login.microsoftonline.com/{TenantId}", options.ResolveLoginUrl());
    }

    [Fact]
    public void Empty_settings_from_the_bot_framework_templates_mean_local_mode()
    {
        var options = Bind(new()
        {
            ["MicrosoftAppType"] = "",
            ["MicrosoftAppId"] = "",
            ["MicrosoftAppPassword"] = "",
            ["MicrosoftAppTenantId"] = "",
        });

        Assert.False(options.IsConfigured);
        Assert.Equal(BotAppType.MultiTenant, options.AppType);
    }

    [Fact]
    public void Defaults_are_the_public_cloud_endpoints()
    {
        var options = Bind(new() { ["MicrosoftAppId"] = TestToken.AppId, ["MicrosoftAppPassword"] = "secret" });

        Assert.Equal(BotAppType.MultiTenant, options.AppType);
        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", options.BotOpenIdMetadata);
        Assert.Equal("https://api.botframework.com", options.ToBotFromChannelTokenIssuer);
        Assert.Equal("https://login.microsoftonline.com/botframework.com", options.ResolveLoginUrl());
        Assert.Equal("https://api.botframework.com/.default", options.ResolveScope());
        Assert.False(options.AllowEmulatorTokens);
        Assert.Contains("smba.trafficmanager.net", options.TrustedServiceUrlHosts);
        Assert.Contains("*.directline.botframework.com", options.TrustedServiceUrlHosts);
    }

    public static TheoryData<Dictionary<string, string?>, string> InvalidSettings => new()
    {
        { new() { ["MicrosoftAppType"] = "SingleTenant", ["MicrosoftAppId"] = TestToken.AppId, ["MicrosoftAppPassword"] = "s" }, "MicrosoftAppTenantId" },
        { new() { ["MicrosoftAppType"] = "MultiTenant", ["MicrosoftAppId"] = TestToken.AppId }, "MicrosoftAppPassword" },
        { new() { ["MicrosoftAppType"] = "SingleTenant", ["MicrosoftAppId"] = TestToken.AppId, ["MicrosoftAppTenantId"] = TenantId }, "MicrosoftAppPassword" },
        { new() { ["MicrosoftAppType"] = "UserAssignedMSI", ["MicrosoftAppId"] = TestToken.AppId, ["MicrosoftAppPassword"] = "s" }, "UserAssignedMSI" },
        { new() { ["MicrosoftAppType"] = "MultiTenantish", ["MicrosoftAppId"] = TestToken.AppId, ["MicrosoftAppPassword"] = "s" }, "MultiTenantish" },
        { new() { ["MicrosoftAppType"] = "1", ["MicrosoftAppId"] = TestToken.AppId, ["MicrosoftAppPassword"] = "s" }, "not one of" },
        { new() { ["MicrosoftAppId"] = "not-a-guid", ["MicrosoftAppPassword"] = "s" }, "GUID" },
        { new() { ["MicrosoftAppPassword"] = "s" }, "MicrosoftAppId is empty" },
        { new() { ["MicrosoftAppId"] = TestToken.AppId, ["MicrosoftAppPassword"] = "s", ["BotOpenIdMetadata"] = "http://login.example/" }, "https" },
        { new() { ["MicrosoftAppId"] = TestToken.AppId, ["MicrosoftAppPassword"] = "s", ["ToChannelFromBotLoginUrl"] = "http://login.example/x" }, "https" },
        { new() { ["MicrosoftAppId"] = TestToken.AppId, ["MicrosoftAppPassword"] = "s", ["ToChannelFromBotLoginUrl"] = "http://127.0.0.1:5000/botframework.com" }, "https" },
        { new() { ["MicrosoftAppId"] = TestToken.AppId, ["MicrosoftAppPassword"] = "s", ["ToChannelFromBotLoginUrl"] = "https://login.example/" }, "<tenant>" },
        { new() { ["MicrosoftAppId"] = TestToken.AppId, ["MicrosoftAppPassword"] = "s", ["TrustedServiceUrlHosts:0"] = "*" }, "TrustedServiceUrlHosts" },
        { new() { ["MicrosoftAppId"] = TestToken.AppId, ["MicrosoftAppPassword"] = "s", ["TrustedServiceUrlHosts:0"] = "smba.*.net" }, "TrustedServiceUrlHosts" },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void Invalid_configuration_fails_at_startup(Dictionary<string, string?> settings, string mentioned)
    {
        using var provider = Services(settings);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value);

        Assert.Contains(mentioned, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Development", true)]
    [InlineData("Production", false)]
    [InlineData("Staging", false)]
    public void Emulator_tokens_are_allowed_in_development_only(string environmentName, bool allowed)
    {
        var environment = new FakeEnvironment { EnvironmentName = environmentName };
        var options = new BotAuthenticationOptions { MicrosoftAppId = TestToken.AppId, MicrosoftAppPassword = "s", AllowEmulatorTokens = true };

        var result = new BotAuthenticationOptionsValidator(environment).Validate(null, options);

        Assert.Equal(allowed, result.Succeeded);
    }

    [Fact]
    public void Loopback_http_metadata_is_allowed_for_test_issuers()
    {
        var result = new BotAuthenticationOptionsValidator().Validate(null, new BotAuthenticationOptions
        {
            MicrosoftAppId = TestToken.AppId,
            MicrosoftAppPassword = "s",
            BotOpenIdMetadata = "http://127.0.0.1:5000/v1/.well-known/openidconfiguration",
        });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Without_an_app_id_the_local_only_services_are_registered()
    {
        using var provider = Services(new() { ["Logging:LogLevel:Default"] = "Warning" });

        Assert.IsType<LocalOnlyAuthenticator>(provider.GetRequiredService<IActivityAuthenticator>());
        Assert.IsType<AnonymousConnectorCredentials>(provider.GetRequiredService<IConnectorCredentials>());
    }

    [Fact]
    public void With_an_app_id_the_bot_framework_services_are_registered()
    {
        using var provider = Services(new() { ["MicrosoftAppId"] = TestToken.AppId, ["MicrosoftAppPassword"] = "s" });

        Assert.IsType<BotFrameworkAuthenticator>(provider.GetRequiredService<IActivityAuthenticator>());
        Assert.IsType<BotFrameworkConnectorCredentials>(provider.GetRequiredService<IConnectorCredentials>());
    }

    private static BotAuthenticationOptions Bind(Dictionary<string, string?> settings)
    {
        using var provider = Services(settings);
        return provider.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value;
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddBotFrameworkAuthentication(configuration).BuildServiceProvider();
    }

    private sealed class FakeEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";
        public string ApplicationName { get; set; } = "ServiceRecoveryBot.Tests";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
