using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServiceRecoveryBot.Conversations.Managers;
using ServiceRecoveryBot.Insights;
using ServiceRecoveryBot.Turns.References;
using ServiceRecoveryBot.Turns.State;
using ServiceRecoveryBot.Operations;
using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Azure Table Storage: the connection string <c>ConnectionStrings:Tables</c> (Azurite or a real account), or
    /// <c>Storage:TableEndpoint</c> with managed identity. Tables are created by a hosted initializer, and again when storage comes back without them (<see cref="TableRecreation"/>).
    /// </summary>
    public static IServiceCollection AddTableStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section)
            .Validate(o => o.TablePrefix.All(char.IsLetterOrDigit) && (o.TablePrefix.Length == 0 || char.IsLetter(o.TablePrefix[0])),
                "Storage:TablePrefix must be letters and digits and start with a letter.")
            .ValidateOnStart();
        services.AddSingleton(provider =>
        {
            var configuration = provider.GetRequiredService<IConfiguration>();
            var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            var clientOptions = new TableClientOptions();
            clientOptions.Retry.MaxRetries = 3;
            clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
            var recreation = provider.GetRequiredService<TableRecreation>();
            clientOptions.AddPolicy(recreation.Policy, HttpPipelinePosition.PerRetry);
            TableServiceClient client;
            if (configuration.GetConnectionString("Tables") is { Length: > 0 } connectionString)
                client = new TableServiceClient(connectionString, clientOptions);
            else if (options.TableEndpoint is { } endpoint)
                client = new TableServiceClient(endpoint, AzureIdentity.For(options.ManagedIdentityClientId), clientOptions);
            else
            {
                throw new OptionsValidationException("Storage", typeof(StorageOptions),
                    ["Set ConnectionStrings:Tables (Azurite or a storage account) or Storage:TableEndpoint (managed identity)."]);
            }
            recreation.Attach(client, provider.GetRequiredService<TableNames>());
            return client;
        });
        services.AddSingleton<TableRecreation>();
        services.AddSingleton<TableNames>();
        services.AddSingleton<TableGroupCommit>();
        services.AddMemoryCache();
        services.AddOptions<MemoryCacheOptions>().Configure<IOptions<StorageOptions>>((cache, storage) => { cache.SizeLimit = storage.Value.CacheBytes; cache.TrackStatistics = true; });
        services.AddSingleton<IConversationStateStore, TableConversationStateStore>();
        services.AddSingleton<ICaseStore, TableCaseStore>();
        services.AddSingleton<IAggregateStore, TableAggregateStore>();
        services.AddSingleton<ICaseArchive, TableCaseArchive>();
        services.AddSingleton<IConversationReferenceStore, TableConversationReferenceStore>();
        services.AddSingleton<ITeamDirectory, TableTeamDirectory>();
        services.AddSingleton<TableStorageInitializer>();
        services.AddHostedService(provider => provider.GetRequiredService<TableStorageInitializer>());
        return services;
    }
}
