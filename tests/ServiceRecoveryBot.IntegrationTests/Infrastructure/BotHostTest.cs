namespace ServiceRecoveryBot.IntegrationTests.Infrastructure;

/// <summary>
/// A test class's own bot host (its own table prefix on the shared Azurite) and a loopback connector receiving what
/// the bot sends; created before the class's tests and disposed after them.
/// </summary>
public abstract class BotHostTest(AzuriteFixture azurite) : IAsyncLifetime
{
    protected LoopbackConnector Connector { get; private set; } = null!;
    protected BotFactory Factory { get; private set; } = null!;
    protected HttpClient Http { get; private set; } = null!;
    protected AzuriteFixture Azurite => azurite;

    /// <summary>Settings the class's host runs with (none by default).</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    public async Task InitializeAsync()
    {
        Connector = await LoopbackConnector.StartAsync();
        Factory = new BotFactory(azurite, AzuriteFixture.NewTablePrefix(), Settings);
        Http = Factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Factory.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
