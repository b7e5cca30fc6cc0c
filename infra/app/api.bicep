// The function app: Flex Consumption, the .NET isolated worker (10.0), deployed from a blob
// container with the user-assigned identity, every app setting the code reads, and App Service
// Authentication (Entra ID) for the staff routes.
param name string
param planName string
param location string
param tags object
param identityName string
param storageAccountName string
param deploymentContainerName string
param applicationInsightsName string
param keyVaultName string
@description('Key Vault secret names, by role (storage-layout.json).')
param vaultEntries object
param communicationServiceName string
param instanceMemoryMB int
param maximumInstanceCount int
param entraClientId string
param entraTenantId string
param smsFrom string
param zaloAppId string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: identityName
}

resource storageAccount 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource keyVault 'Microsoft.KeyVault/vaults@2026-02-01' existing = {
  name: keyVaultName
}

resource communication 'Microsoft.Communication/communicationServices@2025-09-01' existing = {
  name: communicationServiceName
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve with the user-assigned identity.
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageAccount.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      // The .NET isolated worker (functions/Petitions.Functions). On Flex Consumption the runtime
      // is declared here; FUNCTIONS_WORKER_RUNTIME is not an app setting there.
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

var vaultUri = keyVault.properties.vaultUri
var authEnabled = !empty(entraClientId)

// Every setting the code reads (README "Configuration"), grouped by what it configures.
// Secret values are Key Vault references, never literals.
var hostStorageSettings = {
  AzureWebJobsStorage__accountName: storageAccount.name
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identity.properties.clientId
  AzureWebJobsStorage__blobServiceUri: storageAccount.properties.primaryEndpoints.blob
  AzureWebJobsStorage__queueServiceUri: storageAccount.properties.primaryEndpoints.queue
  AzureWebJobsStorage__tableServiceUri: storageAccount.properties.primaryEndpoints.table
}

var monitoringSettings = {
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.properties.clientId};Authorization=AAD'
}

// Queue names and schedules the triggers read as %Name% (PLATFORM.md); the queues themselves
// are created in storage.bicep.
var triggerSettings = {
  OutboxQueueName: 'case-outbox'
  IntakeQueueName: 'case-intake'
  EscalationsQueueName: 'escalations'
  NotificationsQueueName: 'notifications'
  DeliveryReportsQueueName: 'delivery-reports'
  ZaloEventsQueueName: 'zalo-events'
  EscalationSweepSchedule: '0 */5 * * * *'
  ReceptionRemindersSchedule: '0 */15 * * * *'
}

var appSettings = {
  ASPNETCORE_ENVIRONMENT: 'Production'
  // Azure.Identity's ManagedIdentityCredential / DefaultAzureCredential pick the identity from here.
  AZURE_CLIENT_ID: identity.properties.clientId
  Public__BaseUrl: 'https://${functionApp.properties.defaultHostName}'
  Auth__Mode: 'AppService'
  // The principal header is trusted only where App Service Authentication sets it (and strips a client's own).
  Auth__TrustPlatformPrincipal: authEnabled ? 'true' : 'false'
  Security__FieldEncryptionKey: '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${vaultEntries.fieldEncryptionKey}/)'
  Security__PhoneHashKey: '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${vaultEntries.phoneHashKey}/)'
  Notifications__Sms__Provider: 'Acs'
  Notifications__Sms__Acs__Endpoint: 'https://${communication.properties.hostName}'
  Notifications__Sms__Acs__From: smsFrom
  Notifications__Sms__Acs__ClientId: identity.properties.clientId
  Notifications__Zalo__AppId: zaloAppId
  Notifications__Zalo__OaSecretKey: '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${vaultEntries.zaloOaSecretKey}/)'
  Notifications__Zalo__AccessToken: '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${vaultEntries.zaloAccessToken}/)'
  Notifications__Zalo__BaseUrl: 'https://business.openapi.zalo.me'
  // The form that Zalo replies and the counter's QR poster link to (marked channel=zalo).
  Notifications__Zalo__FormUrl: 'https://${functionApp.properties.defaultHostName}/file.html'
}

// Read by App Service Authentication (the platform), only when it is configured.
var authSettings = authEnabled ? {
  MICROSOFT_PROVIDER_AUTHENTICATION_SECRET: '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${vaultEntries.entraClientSecret}/)'
} : {}

resource settings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: union(hostStorageSettings, monitoringSettings, triggerSettings, appSettings, authSettings)
}

// Staff sign in with Entra ID; citizens' routes stay public. The platform authenticates and
// forwards the principal header; the app (Auth__Mode=AppService) decides per route and answers
// 401/403 itself, so unauthenticated requests are let through to it.
resource authentication 'Microsoft.Web/sites/config@2025-03-01' = if (authEnabled) {
  parent: functionApp
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    httpSettings: {
      requireHttps: true
    }
    login: {
      tokenStore: {
        enabled: true
      }
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          openIdIssuer: '${environment().authentication.loginEndpoint}${entraTenantId}/v2.0'
          clientId: entraClientId
          clientSecretSettingName: 'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET'
        }
        validation: {
          allowedAudiences: [
            'api://${entraClientId}'
            entraClientId
          ]
        }
      }
    }
  }
}

output name string = functionApp.name
output uri string = 'https://${functionApp.properties.defaultHostName}'
