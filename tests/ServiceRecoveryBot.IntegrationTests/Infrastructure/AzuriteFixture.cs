using ServiceRecoveryBot.Testing;

namespace ServiceRecoveryBot.IntegrationTests.Infrastructure;

/// <summary>One Azurite (<see cref="AzuriteProcess"/>) for the test classes of the collection; stopped when they end.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? azurite;

    public int Port => Azurite.Port;

    public string ConnectionString => Azurite.ConnectionString;

    private AzuriteProcess Azurite => azurite ?? throw new InvalidOperationException("Azurite has not started.");

    public async Task InitializeAsync() => azurite = await AzuriteProcess.StartAsync();

    public Task DisposeAsync()
    {
        azurite?.Dispose();
        return Task.CompletedTask;
    }

    public static string NewTablePrefix() => "t" + Guid.NewGuid().ToString("N")[..11];

    public static string RepoRoot() => AzuriteProcess.RepoRoot();
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
