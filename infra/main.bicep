// Petitions on Azure: one resource group holding a Flex Consumption function app (.NET
// isolated worker), its storage (queues, tables, deployment container), monitoring, Communication
// Services for SMS with delivery reports through Event Grid, and a Key Vault for the secrets.
// Deploy with `azd up`; build and lint with the NuGet Bicep CLI (docs/deploy.md).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; part of every resource name and the azd-env-name tag.')
param environmentName string

@minLength(1)
@description('Region for all regional resources. Default: Southeast Asia (Singapore), the Azure region nearest Vietnam.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string = 'southeastasia'

@description('Object ID of the person running the deployment (azd sets AZURE_PRINCIPAL_ID). Gets Key Vault Secrets Officer so the post-deployment secrets can be set. Empty: no such assignment.')
param principalId string = ''

@description('Kind of the principal in principalId.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

@description('Client ID of the Entra ID app registration that staff sign in with (App Service Authentication). Empty: authentication is not configured and the staff routes stay closed.')
param entraClientId string = ''

@description('Entra ID tenant of that app registration.')
param entraTenantId string = tenant().tenantId

@description('SMS sender: the registered brandname (or ACS number) messages are sent from. Empty until the brandname is registered (docs/deploy.md).')
param smsFrom string = ''

@description('Zalo Official Account app ID (public identifier, not a secret).')
param zaloAppId string = ''

@description('Flex Consumption instance memory in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Upper bound on Flex Consumption instances (a cost guard).')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Storage redundancy. Zone-redundant by default: the case record is the legal record.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSkuName string = 'Standard_ZRS'

@description('Log Analytics daily ingestion cap in GB (-1: no cap).')
param logDailyQuotaGb int = 1

@description('Log Analytics retention in days.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

var abbrs = loadJsonContent('abbreviations.json')
var layout = loadJsonContent('app/storage-layout.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
  application: 'petitions'
}
var functionAppName = '${abbrs.webSitesFunctions}api-${resourceToken}'

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}api-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    skuName: storageSkuName
    queueNames: layout.queues
    tableNames: layout.tables
    deploymentContainerName: layout.deploymentContainer
    attachmentsContainerName: layout.attachmentsContainer
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
    dailyQuotaGb: logDailyQuotaGb
    retentionInDays: logRetentionInDays
  }
}

module keyVault 'app/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: '${abbrs.keyVaultVaults}${resourceToken}'
    location: location
    tags: tags
  }
}

module communication 'app/communication.bicep' = {
  name: 'communication'
  scope: rg
  params: {
    name: '${abbrs.communicationServices}${resourceToken}'
    systemTopicName: '${abbrs.eventGridSystemTopics}acs-${resourceToken}'
    tags: tags
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    keyVaultName: keyVault.outputs.name
    communicationServiceName: communication.outputs.name
    appPrincipalId: identity.outputs.principalId
    eventGridPrincipalId: communication.outputs.systemTopicPrincipalId
    deployerPrincipalId: principalId
    deployerPrincipalType: principalType
  }
}

// Created after the role assignments: Event Grid delivers with its own identity, which must
// already hold Storage Queue Data Message Sender.
module events 'app/events.bicep' = {
  name: 'events'
  scope: rg
  dependsOn: [
    rbac
  ]
  params: {
    systemTopicName: communication.outputs.systemTopicName
    storageAccountName: storage.outputs.name
    queueName: layout.deliveryReportQueue
  }
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  dependsOn: [
    rbac
  ]
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    identityName: identity.outputs.name
    storageAccountName: storage.outputs.name
    deploymentContainerName: layout.deploymentContainer
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    keyVaultName: keyVault.outputs.name
    vaultEntries: layout.keyVaultSecrets
    communicationServiceName: communication.outputs.name
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    entraClientId: entraClientId
    entraTenantId: entraTenantId
    smsFrom: smsFrom
    zaloAppId: zaloAppId
  }
}

// Outputs become azd environment values: names and endpoints only, never keys or secrets.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output SERVICE_API_NAME string = api.outputs.name
output SERVICE_API_URI string = api.outputs.uri
output AZURE_FUNCTION_NAME string = api.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.uri
output ACS_ENDPOINT string = communication.outputs.endpoint
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
