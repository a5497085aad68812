// ServiceRecoveryBot on Azure: one resource group holding a user-assigned managed identity,
// Table Storage, Azure AI Language, Log Analytics + Application Insights, a Linux web app
// (.NET 10) and an Azure Bot registration with the Teams channel on.
// Deploy:  az deployment group create -g <rg> -f infra/main.bicep -p infra/main.dev.bicepparam
// See docs/DEPLOY.md.

targetScope = 'resourceGroup'

@description('Short name of the app, used in every resource name (lowercase letters and digits).')
@minLength(2)
@maxLength(10)
param appName string = 'srbot'

@description('Environment name, e.g. dev, test, prod.')
@minLength(2)
@maxLength(8)
param environmentName string

@description('Azure region for the regional resources (the bot registration itself is global).')
param location string = resourceGroup().location

@description('App Service plan SKU (Basic or higher: the app runs Always On).')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'P0v3'
  'P1v3'
])
param appServicePlanSku string = 'B1'

@description('Azure Bot pricing tier.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Azure AI Language pricing tier.')
@allowed([
  'F0'
  'S'
])
param languageSku string = 'S'

@description('Built-in role the bot identity gets on the Language resource.')
@allowed([
  'Cognitive Services User'
  'Cognitive Services Language Reader'
])
param languageRoleName string = 'Cognitive Services User'

@description('Display name of the bot in Teams.')
param botDisplayName string = 'ServiceRecoveryBot'

@description('Tables the bot uses; created up front so the identity needs no management rights.')
param tableNames string[] = [
  'Cases'
  'DialogState'
  'Reminders'
  'ConversationRefs'
  'Teams'
  'Aggregates'
]

@description('Tags applied to every resource.')
param tags object = {}

var suffix = take(uniqueString(resourceGroup().id, appName, environmentName), 6)
var baseName = '${appName}-${environmentName}-${suffix}'
var identityName = 'id-${baseName}'
var appInsightsName = 'appi-${baseName}'
var allTags = union(tags, {
  app: 'ServiceRecoveryBot'
  environment: environmentName
})

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: identityName
    location: location
    tags: allTags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: 'log-${baseName}'
    appInsightsName: appInsightsName
    location: location
    tags: allTags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: toLower(take('st${appName}${environmentName}${suffix}', 24))
    location: location
    tags: allTags
    tableNames: tableNames
    identityName: identityName
  }
  dependsOn: [
    identity
  ]
}

module language 'modules/language.bicep' = {
  name: 'language'
  params: {
    name: 'lang-${baseName}'
    location: location
    tags: allTags
    skuName: languageSku
    roleName: languageRoleName
    identityName: identityName
  }
  dependsOn: [
    identity
  ]
}

module app 'modules/appService.bicep' = {
  name: 'app'
  params: {
    planName: 'asp-${baseName}'
    webAppName: 'app-${baseName}'
    location: location
    tags: allTags
    skuName: appServicePlanSku
    identityName: identityName
    tableEndpoint: storage.outputs.tableEndpoint
    languageEndpoint: language.outputs.endpoint
    appInsightsName: appInsightsName
    otelServiceName: appName
  }
  dependsOn: [
    identity
    monitoring
  ]
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: 'bot-${baseName}'
    displayName: botDisplayName
    skuName: botSku
    tags: allTags
    endpoint: 'https://${app.outputs.defaultHostName}/api/messages'
    msaAppId: identity.outputs.clientId
    msaAppMSIResourceId: identity.outputs.id
    msaAppTenantId: identity.outputs.tenantId
  }
}

@description('Name of the web app (for az webapp deploy).')
output webAppName string = app.outputs.name

@description('Messaging endpoint registered on the Azure Bot.')
output botEndpoint string = 'https://${app.outputs.defaultHostName}/api/messages'

@description('Name of the Azure Bot resource.')
output botName string = bot.outputs.name

@description('Bot app id (the managed identity\'s client id): pass it to scripts/build-teams-package.sh.')
output botAppId string = identity.outputs.clientId

@description('Tenant the bot identity lives in.')
output tenantId string = identity.outputs.tenantId

@description('Table service endpoint.')
output storageTableEndpoint string = storage.outputs.tableEndpoint

@description('Azure AI Language endpoint.')
output languageEndpoint string = language.outputs.endpoint
