// Azure AI Language (kind TextAnalytics) for sentiment. Local (key) auth is off: the bot
// calls it with the managed identity through the custom subdomain endpoint.

@description('Name of the Language resource; also its custom subdomain.')
param name string

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Pricing tier: F0 (free, one per subscription) or S.')
@allowed([
  'F0'
  'S'
])
param skuName string = 'S'

@description('Name of the user-assigned managed identity (same resource group) that calls the service.')
param identityName string

@description('Built-in role given to the identity on the Language resource.')
@allowed([
  'Cognitive Services User'
  'Cognitive Services Language Reader'
])
param roleName string = 'Cognitive Services User'

var roleIds = {
  'Cognitive Services User': 'a97b65f3-24c7-4388-baec-2e87135dc908'
  'Cognitive Services Language Reader': '7628b7b8-a8b2-4cdc-b46f-e9b35248918e'
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: identityName
}

resource language 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'TextAnalytics'
  sku: {
    name: skuName
  }
  properties: {
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

resource languageRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(language.id, identity.id, roleIds[roleName])
  scope: language
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds[roleName])
  }
}

@description('Endpoint of the Language resource (custom subdomain).')
output endpoint string = language.properties.endpoint
