using Azure.Core;
using Azure.Identity;

namespace ServiceRecoveryBot.Operations;

/// <summary>How the bot signs in to Azure services that take Microsoft Entra ID (Table Storage, AI Language).</summary>
public static class AzureIdentity
{
    /// <summary>
    /// The user-assigned managed identity with this client id when one is configured (infra/ deploys one and sets it),
    /// otherwise <see cref="DefaultAzureCredential"/> (environment, workload identity, managed identity, developer sign-ins).
    /// </summary>
    public static TokenCredential For(string? managedIdentityClientId) =>
        managedIdentityClientId is { Length: > 0 } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
}
