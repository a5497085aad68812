using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ServiceRecoveryBot.Tests.Protocol.Authentication;

/// <summary>
/// A real HTTP server on 127.0.0.1 serving two OpenID metadata documents and their key sets: the Bot Framework
/// channel issuer (keys with endorsements) and an Entra ID style issuer. Counts every request by path.
/// </summary>
internal sealed class LoopbackIssuer : IAsyncDisposable
{
    public const string ChannelMetadataPath = "/bf/v1/.well-known/openidconfiguration";
    public const string ChannelKeysPath = "/bf/v1/.well-known/keys";
    public const string EntraMetadataPath = "/entra/v2.0/.well-known/openid-configuration";
    public const string EntraKeysPath = "/entra/discovery/v2.0/keys";

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, int> hits = new();
    private readonly Lock gate = new();
    private readonly List<TestSigningKey> channelKeys = [];
    private readonly List<TestSigningKey> entraKeys = [];

    private LoopbackIssuer(WebApplication app) => this.app = app;

    public Uri BaseUri { get; private set; } = null!;

    public string ChannelMetadataUrl => new Uri(BaseUri, ChannelMetadataPath).AbsoluteUri;

    public string EntraMetadataUrl => new Uri(BaseUri, EntraMetadataPath).AbsoluteUri;

    public int Hits(string path) => hits.GetValueOrDefault(path);

    public void AddChannelKey(TestSigningKey key)
    {
        lock (gate) channelKeys.Add(key);
    }

    public void AddEntraKey(TestSigningKey key)
    {
        lock (gate) entraKeys.Add(key);
    }

    public static async Task<LoopbackIssuer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var issuer = new LoopbackIssuer(app);
        app.Use(async (context, next) =>
        {
            issuer.hits.AddOrUpdate(context.Request.Path.Value ?? "", 1, (_, n) => n + 1);
            await next(context);
        });
        app.MapGet(ChannelMetadataPath, () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = "https://api.botframework.com",
            ["authorization_endpoint"] = "https://invalid.botframework.com",
            ["jwks_uri"] = new Uri(issuer.BaseUri, ChannelKeysPath).AbsoluteUri,
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
        }));
        app.MapGet(ChannelKeysPath, () => Results.Json(new { keys = issuer.Snapshot(issuer.channelKeys) }));
        app.MapGet(EntraMetadataPath, () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = "https://login.microsoftonline.com/{tenantid}/v2.0",
            ["jwks_uri"] = new Uri(issuer.BaseUri, EntraKeysPath).AbsoluteUri,
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet(EntraKeysPath, () => Results.Json(new { keys = issuer.Snapshot(issuer.entraKeys) }));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        issuer.BaseUri = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return issuer;
    }

    private List<Dictionary<string, object>> Snapshot(List<TestSigningKey> keys)
    {
        lock (gate) return keys.Select(k => k.ToJwk()).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        using var shutdown = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await app.StopAsync(shutdown.Token);
        await app.DisposeAsync();
    }
}
