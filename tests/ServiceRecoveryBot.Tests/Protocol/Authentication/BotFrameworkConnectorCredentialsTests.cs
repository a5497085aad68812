using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Protocol.Authentication;

namespace ServiceRecoveryBot.Tests.Protocol.Authentication;

/// <summary>Outbound Connector tokens (protocol reference §3, test checklist §7 "Outbound").</summary>
public sealed class BotFrameworkConnectorCredentialsTests : IAsyncLifetime
{
    private const string Secret = "s3cr3t-value";
    private const string TenantId = "3c1f2b7a-5d2e-4a0b-9f57-2d6c1f0a9e88";
    private static readonly Uri TeamsUrl = new("https://smba.trafficmanager.net/emea/v3/conversations/a%3A1/activities");
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private LoopbackTokenEndpoint endpoint = null!;

    public async Task InitializeAsync() => endpoint = await LoopbackTokenEndpoint.StartAsync();

    public async Task DisposeAsync() => await endpoint.DisposeAsync();

    [Fact]
    public async Task Multi_tenant_token_is_requested_from_botframework_com_with_the_connector_scope()
    {
        var credentials = Resolve(new()
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = TestToken.AppId,
            ["MicrosoftAppPassword"] = Secret,
            ["ToChannelFromBotLoginUrl"] = new Uri(endpoint.BaseUri, "botframework.com").AbsoluteUri,
        });

        var token = await credentials.GetTokenAsync(TeamsUrl, CancellationToken.None);

        Assert.Equal("loopback-token-1", token);
        var (path, form) = Assert.Single(endpoint.Requests);
        Assert.Equal("/botframework.com/oauth2/v2.0/token", path);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(TestToken.AppId, form["client_id"]);
        Assert.Equal(Secret, form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", form["scope"]);
    }

    [Fact]
    public async Task Single_tenant_token_is_requested_from_the_configured_tenant()
    {
        var credentials = Resolve(new()
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = TestToken.AppId,
            ["MicrosoftAppPassword"] = Secret,
            ["MicrosoftAppTenantId"] = TenantId,
            ["ToChannelFromBotLoginUrl"] = new Uri(endpoint.BaseUri, TenantId).AbsoluteUri,
        });

        await credentials.GetTokenAsync(TeamsUrl, CancellationToken.None);

        var (path, form) = Assert.Single(endpoint.Requests);
        Assert.Equal($"/{TenantId}/oauth2/v2.0/token", path);
        Assert.Equal("https://api.botframework.com/.default", form["scope"]);
    }

    [Fact]
    public async Task Refused_credentials_surface_as_an_authentication_failure_and_are_not_cached()
    {
        endpoint.FailWithStatus = 401;
        var credentials = Resolve(MultiTenant());

        await Assert.ThrowsAsync<Azure.Identity.AuthenticationFailedException>(() => credentials.GetTokenAsync(TeamsUrl, CancellationToken.None).AsTask());
        endpoint.FailWithStatus = null;
        var token = await credentials.GetTokenAsync(TeamsUrl, CancellationToken.None);

        Assert.StartsWith("loopback-token-", token, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_sends_cause_one_token_request()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        endpoint.Gate = gate.Task;
        var credentials = Resolve(MultiTenant());

        // Every call is made (and finds no cached token) before the endpoint may answer any of them.
        var sends = Enumerable.Range(0, 25).Select(_ => credentials.GetTokenAsync(TeamsUrl, CancellationToken.None).AsTask()).ToArray();
        await endpoint.FirstTokenRequest.WaitAsync(Bound);
        Assert.DoesNotContain(sends, s => s.IsCompleted);
        gate.SetResult();
        var tokens = await Task.WhenAll(sends).WaitAsync(Bound);

        Assert.All(tokens, t => Assert.Equal("loopback-token-1", t));
        Assert.Single(endpoint.Requests);
    }

    [Theory]
    [InlineData("http://smba.trafficmanager.net/emea/")]
    [InlineData("https://localhost:3978/local/")]
    [InlineData("http://127.0.0.1:3978/")]
    [InlineData("https://attacker.example/")]
    [InlineData("https://smba.trafficmanager.net.attacker.example/")]
    [InlineData("https://evil-smba.trafficmanager.net/")]
    [InlineData("https://user:pass@smba.trafficmanager.net/emea/")]
    [InlineData("https://directline.botframework.com.evil.example/")]
    public async Task Untrusted_service_url_gets_no_token(string serviceUrl)
    {
        var credentials = Resolve(MultiTenant());

        var token = await credentials.GetTokenAsync(new Uri(serviceUrl), CancellationToken.None);

        Assert.Null(token);
        Assert.Empty(endpoint.Requests);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("https://SMBA.trafficmanager.net/emea/")]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/")]
    [InlineData("https://slack.botframework.com/")]
    [InlineData("https://directline.botframework.com/")]
    [InlineData("https://europe.directline.botframework.com/")]
    public async Task Trusted_service_url_gets_the_token(string serviceUrl)
    {
        var credentials = Resolve(MultiTenant());

        Assert.Equal("loopback-token-1", await credentials.GetTokenAsync(new Uri(serviceUrl), CancellationToken.None));
    }

    [Fact]
    public async Task Configured_trusted_host_extends_the_defaults()
    {
        var settings = MultiTenant();
        settings["TrustedServiceUrlHosts:0"] = "canary.botapi.skype.com";
        var credentials = Resolve(settings);

        Assert.NotNull(await credentials.GetTokenAsync(new Uri("https://canary.botapi.skype.com/teams/"), CancellationToken.None));
        Assert.NotNull(await credentials.GetTokenAsync(TeamsUrl, CancellationToken.None));
    }

    [Fact]
    public async Task Without_an_app_id_no_token_is_attached()
    {
        var credentials = Resolve(new() { ["Unrelated"] = "x" });

        Assert.IsType<AnonymousConnectorCredentials>(credentials);
        Assert.Null(await credentials.GetTokenAsync(TeamsUrl, CancellationToken.None));
        Assert.Empty(endpoint.Requests);
    }

    [Fact]
    public async Task Token_is_reused_until_five_minutes_before_expiry()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var source = new CountingCredential(clock, TimeSpan.FromHours(1));
        var credentials = new BotFrameworkConnectorCredentials(Options(), source, clock, NullLogger.Instance);

        var first = await credentials.GetTokenAsync(TeamsUrl, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(54));
        var stillCached = await credentials.GetTokenAsync(TeamsUrl, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var renewed = await credentials.GetTokenAsync(TeamsUrl, CancellationToken.None);

        Assert.Equal("token-1", first);
        Assert.Equal("token-1", stillCached);
        Assert.Equal("token-2", renewed);
        Assert.Equal(2, source.Calls);
        Assert.All(source.Scopes, s => Assert.Equal(["https://api.botframework.com/.default"], s));
    }

    [Fact]
    public async Task Concurrent_renewal_is_single_flight()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var source = new CountingCredential(clock, TimeSpan.FromHours(1));
        var credentials = new BotFrameworkConnectorCredentials(Options(), source, clock, NullLogger.Instance);
        await credentials.GetTokenAsync(TeamsUrl, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(56));
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        source.Gate = gate.Task;

        // Every call is made (and finds the token stale) before the renewal may finish.
        var renewals = Enumerable.Range(0, 20).Select(_ => credentials.GetTokenAsync(TeamsUrl, CancellationToken.None).AsTask()).ToArray();
        await source.SecondCall.WaitAsync(Bound);
        Assert.DoesNotContain(renewals, r => r.IsCompleted);
        gate.SetResult();
        var tokens = await Task.WhenAll(renewals).WaitAsync(Bound);

        Assert.All(tokens, t => Assert.Equal("token-2", t));
        Assert.Equal(2, source.Calls);
    }

    [Fact]
    public async Task Managed_identity_app_type_builds_a_credential_without_a_secret()
    {
        var credentials = Resolve(new()
        {
            ["MicrosoftAppType"] = "UserAssignedMSI",
            ["MicrosoftAppId"] = TestToken.AppId,
            ["MicrosoftAppTenantId"] = TenantId,
        });

        Assert.IsType<BotFrameworkConnectorCredentials>(credentials);
        Assert.Null(await credentials.GetTokenAsync(new Uri("https://attacker.example/"), CancellationToken.None));
    }

    private static BotAuthenticationOptions Options() => new()
    {
        MicrosoftAppId = TestToken.AppId,
        MicrosoftAppPassword = Secret,
    };

    private Dictionary<string, string?> MultiTenant() => new()
    {
        ["MicrosoftAppId"] = TestToken.AppId,
        ["MicrosoftAppPassword"] = Secret,
        ["ToChannelFromBotLoginUrl"] = new Uri(endpoint.BaseUri, "botframework.com").AbsoluteUri,
    };

    private IConnectorCredentials Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddBotFrameworkAuthentication(configuration);
        services.AddHttpClient(BotAuthenticationServiceCollectionExtensions.TokenHttpClient)
            .ConfigurePrimaryHttpMessageHandler(endpoint.CreateTrustingHandler);
        return services.BuildServiceProvider().GetRequiredService<IConnectorCredentials>();
    }

    private sealed class CountingCredential(TimeProvider clock, TimeSpan lifetime) : TokenCredential
    {
        private readonly TaskCompletionSource secondCall = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int calls;

        public int Calls => calls;

        /// <summary>When set, a token is not returned until this task completes.</summary>
        public Task? Gate { get; set; }

        /// <summary>Completes once the second call (the first renewal) has been counted.</summary>
        public Task SecondCall => secondCall.Task;

        public List<string[]> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            var n = Interlocked.Increment(ref calls);
            lock (Scopes) Scopes.Add(requestContext.Scopes);
            if (n == 2) secondCall.TrySetResult();
            if (Gate is { } gate) await gate.WaitAsync(cancellationToken);
            return new AccessToken($"token-{n}", clock.GetUtcNow() + lifetime);
        }
    }
}
