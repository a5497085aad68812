using Azure.Data.Tables;
using Microsoft.Extensions.Hosting;

namespace ServiceRecoveryBot.Storage;

/// <summary>Creates the bot's tables once at start-up (never in constructors).</summary>
public sealed class TableStorageInitializer(TableServiceClient service, TableNames names) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var name in names.All)
            await service.GetTableClient(name).CreateIfNotExistsAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
