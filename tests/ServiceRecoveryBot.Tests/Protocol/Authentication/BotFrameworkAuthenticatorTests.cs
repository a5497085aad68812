using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Protocol.Authentication;
using ServiceRecoveryBot.Testing;

namespace ServiceRecoveryBot.Tests.Protocol.Authentication;

/// <summary>Inbound JWT validation (protocol reference §2, test checklist §7) against a real loopback issuer.</summary>
public sealed class BotFrameworkAuthenticatorTests : IAsyncLifetime
{
    private const string TenantId = "3c1f2b7a-5d2e-4a0b-9f57-2d6c1f0a9e88";
    private const string EmulatorIssuerV1 = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/";

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));
    private static readonly TestSigningKey teamsKey = new("teams-key", "msteams", "skype");
    private static readonly TestSigningKey webchatKey = new("webchat-key", "webchat", "directline");
    private static readonly TestSigningKey entraKey = new("entra-key");
    private static readonly TestSigningKey strangerKey = new("stranger-key", "msteams");
    private LoopbackIssuer issuer = null!;

    public async Task InitializeAsync()
    {
        issuer = await LoopbackIssuer.StartAsync();
        issuer.AddChannelKey(teamsKey);
        issuer.AddChannelKey(webchatKey);
        issuer.AddEntraKey(entraKey);
    }

    public async Task DisposeAsync() => await issuer.DisposeAsync();

    public static TheoryData<string, string> BadRequests => new()
    {
        { "wrong issuer", "issuer" },
        { "wrong audience", "audience" },
        { "missing audience", "audience" },
        { "expired beyond skew", "expired" },
        { "not yet valid beyond skew", "not yet valid" },
        { "no expiry", "no expiry" },
        { "alg none", "RS256" },
        { "HS256", "RS256" },
        { "signed by unknown key under a known kid", "signature" },
        { "unknown kid", "unknown key id" },
        { "no kid", "no kid" },
        { "missing serviceurl claim", "no serviceurl" },
        { "mismatched serviceurl", "does not match" },
        { "key not endorsed for channel", "not endorsed" },
        { "activity without channel id", "not endorsed" },
        { "malformed token", "well-formed" },
        { "missing header", "No Authorization header" },
        { "wrong scheme", "not Bearer" },
        { "lower-case scheme", "not Bearer" },
        { "extra parts", "exactly" },
        { "double space", "exactly" },
        { "empty token", "empty" },
        { "tampered payload", "signature" },
        { "emulator token while emulator tokens are off", "unknown key id" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_request_is_rejected_with_its_reason(string scenario, string reason)
    {
        var authenticator = CreateAuthenticator();
        var (header, activity) = BadRequest(scenario);

        var result = await authenticator.AuthenticateAsync(new InboundRequest(header, IsLoopback: false), activity, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains(reason, result.Failure, StringComparison.OrdinalIgnoreCase);
        Assert.Null(result.Identity);
    }

    [Fact]
    public async Task Valid_channel_token_is_accepted()
    {
        var result = await CreateAuthenticator().AuthenticateAsync(Request(Token().Mint(clock.GetUtcNow())), TeamsActivity(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure);
        Assert.NotNull(result.Identity);
        Assert.Equal(TestToken.ServiceUrl, result.Identity.FindFirst("serviceurl")?.Value);
    }

    [Fact]
    public async Task Authenticator_registered_from_configuration_accepts_a_channel_token()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = TestToken.AppId,
            ["MicrosoftAppPassword"] = "secret",
            ["BotOpenIdMetadata"] = issuer.ChannelMetadataUrl,
        }).Build();
        await using var provider = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddBotFrameworkAuthentication(configuration)
            .BuildServiceProvider();
        var authenticator = provider.GetRequiredService<IActivityAuthenticator>();

        var good = await authenticator.AuthenticateAsync(Request(Token().Mint(clock.GetUtcNow())), TeamsActivity(), CancellationToken.None);
        var bad = await authenticator.AuthenticateAsync(new InboundRequest(null, IsLoopback: true), TeamsActivity(), CancellationToken.None);

        Assert.True(good.Succeeded, good.Failure);
        Assert.False(bad.Succeeded);
    }

    [Fact]
    public async Task Token_that_expired_four_minutes_ago_is_accepted_within_the_clock_skew()
    {
        var now = clock.GetUtcNow();
        var token = Token() with { NotBefore = now.AddHours(-1), Expires = now.AddMinutes(-4) };

        var result = await CreateAuthenticator().AuthenticateAsync(Request(token.Mint(now)), TeamsActivity(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure);
    }

    [Fact]
    public async Task Token_valid_from_four_minutes_ahead_is_accepted_within_the_clock_skew()
    {
        var now = clock.GetUtcNow();
        var token = Token() with { NotBefore = now.AddMinutes(4), Expires = now.AddHours(1) };

        var result = await CreateAuthenticator().AuthenticateAsync(Request(token.Mint(now)), TeamsActivity(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure);
    }

    [Fact]
    public async Task Expired_token_is_rejected_once_the_injected_clock_passes_the_skew()
    {
        var authenticator = CreateAuthenticator();
        var token = Token().Mint(clock.GetUtcNow());

        Assert.True((await authenticator.AuthenticateAsync(Request(token), TeamsActivity(), CancellationToken.None)).Succeeded);
        clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(6));
        var late = await authenticator.AuthenticateAsync(Request(token), TeamsActivity(), CancellationToken.None);

        Assert.False(late.Succeeded);
        Assert.Contains("expired", late.Failure, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ServiceUrl_claim_is_compared_case_insensitively()
    {
        var token = Token() with { ServiceUrlClaim = TestToken.ServiceUrl.ToUpperInvariant() };

        var result = await CreateAuthenticator().AuthenticateAsync(Request(token.Mint(clock.GetUtcNow())), TeamsActivity(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure);
    }

    [Fact]
    public async Task Key_endorsed_for_webchat_accepts_a_webchat_activity()
    {
        var token = new TestToken { Signing = webchatKey.SigningCredentials };
        var activity = TeamsActivity() with { ChannelId = "webchat" };

        var result = await CreateAuthenticator().AuthenticateAsync(Request(token.Mint(clock.GetUtcNow())), activity, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure);
    }

    [Fact]
    public async Task Rejection_is_logged_with_its_reason_and_never_the_token()
    {
        var logger = new CapturingLogger<BotFrameworkAuthenticator>();
        var authenticator = new BotFrameworkAuthenticator(
            Microsoft.Extensions.Options.Options.Create(Options()), new TestHttpClientFactory(), clock, logger);
        var token = (Token() with { Audience = "0f0f0f0f-1111-2222-3333-444444444444" }).Mint(clock.GetUtcNow());

        await authenticator.AuthenticateAsync(Request(token), TeamsActivity(), CancellationToken.None);

        var entry = Assert.Single(logger.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning);
        Assert.Equal(1001, entry.EventId.Id);
        Assert.Contains(entry.State, kv => kv.Key == "Reason" && (kv.Value as string ?? "").Contains("audience", StringComparison.Ordinal));
        Assert.Contains(entry.State, kv => kv.Key == "ChannelId" && Equals(kv.Value, "msteams"));
        Assert.DoesNotContain(token.Split('.')[1], entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(entry.State, kv => kv.Value is string text && text.Contains(token.Split('.')[2], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metadata_and_keys_are_fetched_once_for_many_requests()
    {
        var authenticator = CreateAuthenticator();
        var token = Token().Mint(clock.GetUtcNow());

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            authenticator.AuthenticateAsync(Request(token), TeamsActivity(), CancellationToken.None)));
        for (var i = 0; i < 5; i++)
            await authenticator.AuthenticateAsync(Request(token), TeamsActivity(), CancellationToken.None);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Failure));
        Assert.Equal(1, issuer.Hits(LoopbackIssuer.ChannelMetadataPath));
        Assert.Equal(1, issuer.Hits(LoopbackIssuer.ChannelKeysPath));
    }

    [Fact]
    public async Task Metadata_is_refetched_after_twelve_hours()
    {
        var authenticator = CreateAuthenticator();
        await authenticator.AuthenticateAsync(Request(Token().Mint(clock.GetUtcNow())), TeamsActivity(), CancellationToken.None);

        clock.Advance(TimeSpan.FromHours(12) + TimeSpan.FromMinutes(1));
        var result = await authenticator.AuthenticateAsync(Request(Token().Mint(clock.GetUtcNow())), TeamsActivity(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal(2, issuer.Hits(LoopbackIssuer.ChannelKeysPath));
    }

    [Fact]
    public async Task Unknown_kid_triggers_exactly_one_refresh_per_five_minutes()
    {
        var authenticator = CreateAuthenticator();
        var unknown = new TestToken { Signing = new TestSigningKey("not-published", "msteams").SigningCredentials }.Mint(clock.GetUtcNow());

        for (var i = 0; i < 5; i++)
            Assert.False((await authenticator.AuthenticateAsync(Request(unknown), TeamsActivity(), CancellationToken.None)).Succeeded);
        Assert.Equal(2, issuer.Hits(LoopbackIssuer.ChannelKeysPath));

        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.False((await authenticator.AuthenticateAsync(Request(unknown), TeamsActivity(), CancellationToken.None)).Succeeded);
        Assert.Equal(3, issuer.Hits(LoopbackIssuer.ChannelKeysPath));
    }

    [Fact]
    public async Task Newly_published_key_is_found_by_the_unknown_kid_refresh()
    {
        var authenticator = CreateAuthenticator();
        Assert.True((await authenticator.AuthenticateAsync(Request(Token().Mint(clock.GetUtcNow())), TeamsActivity(), CancellationToken.None)).Succeeded);
        var rotated = new TestSigningKey("rotated-key", "msteams");
        issuer.AddChannelKey(rotated);

        var result = await authenticator.AuthenticateAsync(
            Request(new TestToken { Signing = rotated.SigningCredentials }.Mint(clock.GetUtcNow())), TeamsActivity(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal(2, issuer.Hits(LoopbackIssuer.ChannelKeysPath));
    }

    [Fact]
    public async Task Unreachable_metadata_fails_closed()
    {
        var options = Options();
        options.BotOpenIdMetadata = new Uri(issuer.BaseUri, "/missing/.well-known/openidconfiguration").AbsoluteUri;
        var authenticator = CreateAuthenticator(options);

        var result = await authenticator.AuthenticateAsync(Request(Token().Mint(clock.GetUtcNow())), TeamsActivity(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("unavailable", result.Failure, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("https://login.microsoftonline.com/" + TenantId + "/v2.0", "2.0", "azp")]
    [InlineData("https://sts.windows.net/" + TenantId + "/", "1.0", "appid")]
    public async Task Single_tenant_issuer_of_the_configured_tenant_is_accepted(string tokenIssuer, string version, string appIdClaim)
    {
        var authenticator = CreateAuthenticator(SingleTenantOptions());
        var token = EntraToken(tokenIssuer, version, appIdClaim, TestToken.AppId);

        var result = await authenticator.AuthenticateAsync(Request(token), TeamsActivity(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal(1, issuer.Hits(LoopbackIssuer.EntraKeysPath));
    }

    [Theory]
    [InlineData("https://login.microsoftonline.com/0b8a7e55-0000-4000-8000-000000000000/v2.0", "2.0", "azp", TestToken.AppId)]
    [InlineData("https://sts.windows.net/0b8a7e55-0000-4000-8000-000000000000/", "1.0", "appid", TestToken.AppId)]
    [InlineData("https://login.microsoftonline.com/" + TenantId + "/v2.0", "2.0", "azp", "0f0f0f0f-1111-2222-3333-444444444444")]
    [InlineData("https://login.microsoftonline.com/" + TenantId + "/v2.0", "3.0", "azp", TestToken.AppId)]
    [InlineData("https://login.microsoftonline.com/" + TenantId + "/v2.0", "2.0", "appid", TestToken.AppId)]
    [InlineData(EmulatorIssuerV1, "1.0", "appid", TestToken.AppId)]
    public async Task Single_tenant_bot_rejects_other_tenants_apps_and_versions(string tokenIssuer, string version, string appIdClaim, string callerAppId)
    {
        var authenticator = CreateAuthenticator(SingleTenantOptions());

        var result = await authenticator.AuthenticateAsync(
            Request(EntraToken(tokenIssuer, version, appIdClaim, callerAppId)), TeamsActivity(), CancellationToken.None);

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task Single_tenant_issuer_is_not_accepted_by_a_multi_tenant_bot()
    {
        var token = EntraToken($"https://login.microsoftonline.com/{TenantId}/v2.0", "2.0", "azp", TestToken.AppId);

        var result = await CreateAuthenticator().AuthenticateAsync(Request(token), TeamsActivity(), CancellationToken.None);

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task Emulator_token_is_accepted_only_when_emulator_tokens_are_enabled()
    {
        var token = EntraToken(EmulatorIssuerV1, "1.0", "appid", TestToken.AppId);
        var enabled = Options();
        enabled.AllowEmulatorTokens = true;
        var emulator = TeamsActivity() with { ChannelId = "emulator", ServiceUrl = "http://localhost:54321" };

        var off = await CreateAuthenticator().AuthenticateAsync(Request(token), emulator, CancellationToken.None);
        var on = await CreateAuthenticator(enabled).AuthenticateAsync(Request(token), emulator, CancellationToken.None);

        Assert.False(off.Succeeded);
        Assert.True(on.Succeeded, on.Failure);
    }

    [Fact]
    public async Task Emulator_token_for_another_app_is_rejected_even_when_enabled()
    {
        var enabled = Options();
        enabled.AllowEmulatorTokens = true;

        var result = await CreateAuthenticator(enabled).AuthenticateAsync(
            Request(EntraToken(EmulatorIssuerV1, "1.0", "appid", "0f0f0f0f-1111-2222-3333-444444444444")), TeamsActivity(), CancellationToken.None);

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task Without_an_app_id_loopback_requests_without_a_header_are_accepted()
    {
        var authenticator = CreateAuthenticator(new BotAuthenticationOptions());
        var local = TeamsActivity() with { ChannelId = "webchat", ServiceUrl = "http://localhost:3978/local/" };

        var accepted = await authenticator.AuthenticateAsync(new InboundRequest(null, IsLoopback: true), local, CancellationToken.None);
        var remote = await authenticator.AuthenticateAsync(new InboundRequest(null, IsLoopback: false), local, CancellationToken.None);
        var remoteServiceUrl = await authenticator.AuthenticateAsync(new InboundRequest(null, IsLoopback: true), TeamsActivity(), CancellationToken.None);
        var withToken = await authenticator.AuthenticateAsync(Request(Token().Mint(clock.GetUtcNow())) with { IsLoopback = true }, local, CancellationToken.None);

        Assert.True(accepted.Succeeded, accepted.Failure);
        Assert.False(remote.Succeeded);
        Assert.False(remoteServiceUrl.Succeeded);
        Assert.False(withToken.Succeeded);
        Assert.Equal(0, issuer.Hits(LoopbackIssuer.ChannelMetadataPath));
    }

    private (string? Header, Activity Activity) BadRequest(string scenario)
    {
        var now = clock.GetUtcNow();
        var activity = TeamsActivity();
        string Bearer(TestToken token) => "Bearer " + token.Mint(now);
        return scenario switch
        {
            "wrong issuer" => (Bearer(Token() with { Issuer = "https://api.botframework.evil" }), activity),
            "wrong audience" => (Bearer(Token() with { Audience = "0f0f0f0f-1111-2222-3333-444444444444" }), activity),
            "missing audience" => (Bearer(Token() with { Audience = null }), activity),
            "expired beyond skew" => (Bearer(Token() with { NotBefore = now.AddHours(-2), Expires = now.AddMinutes(-6) }), activity),
            "not yet valid beyond skew" => (Bearer(Token() with { NotBefore = now.AddMinutes(6), Expires = now.AddHours(1) }), activity),
            "no expiry" => (Bearer(Token() with { OmitExpiry = true }), activity),
            "alg none" => ("Bearer " + TestToken.Unsigned(teamsKey.Kid, new Dictionary<string, object>
            {
                ["iss"] = TestToken.ChannelIssuer, ["aud"] = TestToken.AppId, ["serviceurl"] = TestToken.ServiceUrl,
                ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(), ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
            }), activity),
            "HS256" => (Bearer(Token() with
            {
                Signing = new SigningCredentials(
                    new SymmetricSecurityKey(Enumerable.Repeat((byte)7, 64).ToArray()) { KeyId = teamsKey.Kid }, SecurityAlgorithms.HmacSha256),
            }), activity),
            "signed by unknown key under a known kid" => (Bearer(Token() with
            {
                Signing = new TestSigningKey(teamsKey.Kid, "msteams").SigningCredentials,
            }), activity),
            "unknown kid" => (Bearer(Token() with { Signing = strangerKey.SigningCredentials }), activity),
            "no kid" => (Bearer(Token() with
            {
                Signing = new SigningCredentials(new RsaSecurityKey(
                    ((RsaSecurityKey)teamsKey.SecurityKey).Rsa), SecurityAlgorithms.RsaSha256),
            }), activity),
            "missing serviceurl claim" => (Bearer(Token() with { ServiceUrlClaim = null }), activity),
            "mismatched serviceurl" => (Bearer(Token() with { ServiceUrlClaim = "https://attacker.example/" }), activity),
            "key not endorsed for channel" => (Bearer(new TestToken { Signing = webchatKey.SigningCredentials }), activity),
            "activity without channel id" => (Bearer(Token()), activity with { ChannelId = null }),
            "malformed token" => ("Bearer not.a.jwt", activity),
            "missing header" => (null, activity),
            "wrong scheme" => ("Basic " + Token().Mint(now), activity),
            "lower-case scheme" => ("bearer " + Token().Mint(now), activity),
            "extra parts" => (Bearer(Token()) + " extra", activity),
            "double space" => ("Bearer  " + Token().Mint(now), activity),
            "empty token" => ("Bearer ", activity),
            "tampered payload" => ("Bearer " + TestToken.WithPayload(Token().Mint(now), p =>
            {
                p["serviceurl"] = JsonSerializer.SerializeToElement("https://attacker.example/");
                return p;
            }), activity with { ServiceUrl = "https://attacker.example/" }),
            "emulator token while emulator tokens are off" => ("Bearer " + EntraToken(EmulatorIssuerV1, "1.0", "appid", TestToken.AppId), activity),
            _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "Unknown scenario."),
        };
    }

    private TestToken Token() => new() { Signing = teamsKey.SigningCredentials };

    private string EntraToken(string tokenIssuer, string version, string appIdClaim, string callerAppId) => new TestToken
    {
        Signing = entraKey.SigningCredentials,
        Issuer = tokenIssuer,
        ServiceUrlClaim = null,
        Claims = new Dictionary<string, object> { ["ver"] = version, [appIdClaim] = callerAppId, ["tid"] = TenantId },
    }.Mint(clock.GetUtcNow());

    private static InboundRequest Request(string token) => new("Bearer " + token, IsLoopback: false);

    private static Activity TeamsActivity() => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = "msteams",
        ServiceUrl = TestToken.ServiceUrl,
        Text = "hello",
    };

    private BotAuthenticationOptions Options() => new()
    {
        MicrosoftAppId = TestToken.AppId,
        MicrosoftAppPassword = "not-used-inbound",
        BotOpenIdMetadata = issuer.ChannelMetadataUrl,
        ToBotFromEmulatorOpenIdMetadataUrl = issuer.EntraMetadataUrl,
    };

    private BotAuthenticationOptions SingleTenantOptions()
    {
        var options = Options();
        options.MicrosoftAppType = "SingleTenant";
        options.MicrosoftAppTenantId = TenantId;
        return options;
    }

    private BotFrameworkAuthenticator CreateAuthenticator(BotAuthenticationOptions? options = null)
    {
        options ??= Options();
        Assert.True(new BotAuthenticationOptionsValidator().Validate(null, options).Succeeded
            || !options.IsConfigured, "The test options should be valid.");
        return new BotFrameworkAuthenticator(
            Microsoft.Extensions.Options.Options.Create(options), new TestHttpClientFactory(), clock, NullLogger<BotFrameworkAuthenticator>.Instance);
    }
}
