// Parameters for a dev environment. Copy to main.<env>.bicepparam for others.
using 'main.bicep'

param appName = 'srbot'
param environmentName = 'dev'
param appServicePlanSku = 'B1'
param botSku = 'F0'
param languageSku = 'S'
param languageRoleName = 'Cognitive Services User'
param botDisplayName = 'ServiceRecoveryBot (dev)'
param tags = {
  owner: 'service-recovery-team'
}
