// The bot's one identity: it calls Table Storage, Azure AI Language and the Bot Framework
// connector with this user-assigned managed identity, so the deployment holds no secrets.

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id of the identity.')
output id string = identity.id

@description('Client (application) id of the identity; the bot uses it as MicrosoftAppId.')
output clientId string = identity.properties.clientId

@description('Object (principal) id of the identity, for role assignments.')
output principalId string = identity.properties.principalId

@description('Tenant of the identity.')
output tenantId string = identity.properties.tenantId
