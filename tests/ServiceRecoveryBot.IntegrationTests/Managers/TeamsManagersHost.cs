using Microsoft.Extensions.Logging;
using ServiceRecoveryBot.IntegrationTests.Http;
using ServiceRecoveryBot.IntegrationTests.Infrastructure;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Turns.Effects;
using ServiceRecoveryBot.Turns.State;

namespace ServiceRecoveryBot.IntegrationTests.Managers;

/// <summary>
/// The real host on Azurite with one configured manager (<see cref="ManagerId"/>) for team "local" and a loopback
/// Teams connector: the set-up the managers' transcript tests share.
/// </summary>
public abstract class TeamsManagersHost(AzuriteFixture azurite, ILoggerProvider? logs = null) : IAsyncLifetime
{
    protected const string ManagerId = "29:manager-1";
    protected static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    protected LoopbackConnector Connector { get; private set; } = null!;
    protected BotFactory Factory { get; private set; } = null!;
    protected HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Connector = await LoopbackConnector.StartAsync();
        Factory = new BotFactory(azurite, AzuriteFixture.NewTablePrefix(), new Dictionary<string, string?>
        {
            ["Managers:Teams:0:TeamKey"] = "local",
            ["Managers:Teams:0:UserIds:0"] = ManagerId,
        }, logs);
        Http = Factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Factory.DisposeAsync();
        await Connector.DisposeAsync();
    }

    protected Task<RecoveryCase?> FindAsync(CaseId id) => Factory.Services.GetRequiredService<ICaseStore>().FindAsync("local", id, CancellationToken.None);

    /// <summary>Once the effects of the chat's last turn have run: proactive sends land after the turn.</summary>
    protected Task SettledAsync(BotClient chat) =>
        Factory.Services.GetRequiredService<ServiceRecoveryBot.Turns.Outbox>().SettledAsync(new ConversationKey("msteams", chat.ConversationId)).WaitAsync(Bound);
}
