// Linux App Service plan and the bot's web app (.NET 10). Every setting comes from the other
// modules; none is a secret. The app authenticates with its user-assigned identity.

@description('Name of the App Service plan.')
param planName string

@description('Name of the web app; its host name is <name>.azurewebsites.net.')
param webAppName string

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('App Service plan SKU. Always On needs Basic or higher.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'P0v3'
  'P1v3'
])
param skuName string = 'B1'

@description('Name of the user-assigned managed identity (same resource group) the app runs as.')
param identityName string

@description('Table service endpoint, e.g. https://<account>.table.core.windows.net.')
param tableEndpoint string

@description('Azure AI Language endpoint.')
param languageEndpoint string

@description('Name of the Application Insights component in this resource group.')
param appInsightsName string

@description('Service name reported in OpenTelemetry traces and metrics.')
param otelServiceName string

@description('Command that starts the published app.')
param startupCommand string = 'dotnet ServiceRecoveryBot.dll'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: identityName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: skuName
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2025-03-01' = {
  name: webAppName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      appCommandLine: startupCommand
      alwaysOn: true
      healthCheckPath: '/healthz'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      http20Enabled: true
      webSocketsEnabled: false
      appSettings: [
        { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
        { name: 'MicrosoftAppId', value: identity.properties.clientId }
        { name: 'MicrosoftAppTenantId', value: identity.properties.tenantId }
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'Storage__TableEndpoint', value: tableEndpoint }
        { name: 'Storage__ManagedIdentityClientId', value: identity.properties.clientId }
        { name: 'Sentiment__Analyzer', value: 'azure' }
        { name: 'Sentiment__Azure__Endpoint', value: languageEndpoint }
        { name: 'Sentiment__Azure__ManagedIdentityClientId', value: identity.properties.clientId }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
        { name: 'OTEL_SERVICE_NAME', value: otelServiceName }
      ]
    }
  }
}

// No FTP with basic credentials.
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: webApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

@description('Name of the web app.')
output name string = webApp.name

@description('Default host name of the web app.')
output defaultHostName string = webApp.properties.defaultHostName
