namespace ServiceRecoveryBot.Tests.Protocol.Authentication;

/// <summary>Plain HttpClients, enough for loopback servers.</summary>
internal sealed class TestHttpClientFactory : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => new();
}
