// Azure Bot registration with a user-assigned managed identity (no app password) and the
// Microsoft Teams channel enabled.

@description('Name (handle) of the Azure Bot resource; globally unique.')
param name string

@description('Display name shown in channels.')
param displayName string

@description('Azure Bot pricing tier.')
@allowed([
  'F0'
  'S1'
])
param skuName string = 'F0'

@description('Tags applied to every resource.')
param tags object

@description('Messaging endpoint, https://<host>/api/messages.')
param endpoint string

@description('Client id of the user-assigned managed identity (the bot\'s app id).')
param msaAppId string

@description('Resource id of the user-assigned managed identity.')
param msaAppMSIResourceId string

@description('Tenant of the identity.')
param msaAppTenantId string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: skuName
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppType: 'UserAssignedMSI'
    msaAppId: msaAppId
    msaAppMSIResourceId: msaAppMSIResourceId
    msaAppTenantId: msaAppTenantId
    publicNetworkAccess: 'Enabled'
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      acceptedTerms: true
    }
  }
}

@description('Name of the Azure Bot resource.')
output name string = bot.name
