namespace ServiceRecoveryBot.Protocol;

/// <summary>Supplies the bearer token for outbound Connector calls, or null when the service URL must not receive one.</summary>
public interface IConnectorCredentials
{
    ValueTask<string?> GetTokenAsync(Uri serviceUrl, CancellationToken ct);
}

/// <summary>No app id configured: outbound calls carry no token (local development).</summary>
public sealed class AnonymousConnectorCredentials : IConnectorCredentials
{
    public ValueTask<string?> GetTokenAsync(Uri serviceUrl, CancellationToken ct) => ValueTask.FromResult<string?>(null);
}
