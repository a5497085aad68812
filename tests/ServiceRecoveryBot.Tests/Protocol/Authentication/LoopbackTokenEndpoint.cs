using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
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
/// An Entra ID style client-credentials token endpoint on https://127.0.0.1 with a self-signed certificate generated
/// for the test. Records every request (path and form) and answers POST /{tenant}/oauth2/v2.0/token.
/// </summary>
internal sealed class LoopbackTokenEndpoint : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly TaskCompletionSource firstTokenRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int issued;

    private LoopbackTokenEndpoint(WebApplication app, X509Certificate2 certificate)
    {
        this.app = app;
        Certificate = certificate;
    }

    public X509Certificate2 Certificate { get; }

    public Uri BaseUri { get; private set; } = null!;

    public ConcurrentQueue<(string Path, Dictionary<string, string> Form)> Requests { get; } = new();

    public int ExpiresInSeconds { get; set; } = 3600;

    /// <summary>When set, token requests are recorded and then not answered until this task completes.</summary>
    public Task? Gate { get; set; }

    /// <summary>Completes once a token request has arrived and been recorded (before it waits at the <see cref="Gate"/>).</summary>
    public Task FirstTokenRequest => firstTokenRequest.Task;

    /// <summary>When set, the token endpoint answers with this status and an Entra-style error body.</summary>
    public int? FailWithStatus { get; set; }

    /// <summary>An HttpClient handler that trusts only this endpoint's certificate.</summary>
    public HttpMessageHandler CreateTrustingHandler() => new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert is not null && cert.Thumbprint == Certificate.Thumbprint,
    };

    public static async Task<LoopbackTokenEndpoint> StartAsync()
    {
        var certificate = CreateCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        var endpoint = new LoopbackTokenEndpoint(app, certificate);
        app.Run(async context =>
        {
            var form = context.Request.HasFormContentType
                ? (await context.Request.ReadFormAsync(context.RequestAborted)).ToDictionary(f => f.Key, f => f.Value.ToString())
                : [];
            endpoint.Requests.Enqueue((context.Request.Path.Value ?? "", form));
            if (!HttpMethods.IsPost(context.Request.Method) || !(context.Request.Path.Value ?? "").EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            endpoint.firstTokenRequest.TrySetResult();
            if (endpoint.Gate is { } gate)
                await gate.WaitAsync(context.RequestAborted);
            if (endpoint.FailWithStatus is { } status)
            {
                context.Response.StatusCode = status;
                await context.Response.WriteAsJsonAsync(new Dictionary<string, object>
                {
                    ["error"] = "invalid_client",
                    ["error_description"] = "AADSTS7000215: Invalid client secret provided.",
                    ["error_codes"] = new[] { 7000215 },
                }, context.RequestAborted);
                return;
            }

            var n = Interlocked.Increment(ref endpoint.issued);
            await context.Response.WriteAsJsonAsync(new Dictionary<string, object>
            {
                ["token_type"] = "Bearer",
                ["expires_in"] = endpoint.ExpiresInSeconds,
                ["ext_expires_in"] = endpoint.ExpiresInSeconds,
                ["access_token"] = $"loopback-token-{n}",
            }, context.RequestAborted);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        endpoint.BaseUri = new Uri(address);
        return endpoint;
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync()
    {
        using var shutdown = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await app.StopAsync(shutdown.Token);
        await app.DisposeAsync();
        Certificate.Dispose();
    }
}
