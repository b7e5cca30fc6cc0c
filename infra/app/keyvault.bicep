// Key Vault for the application's secrets (field-encryption key, phone-hash key, Zalo
// credentials, Entra client secret). Access by Azure RBAC only. The secret values are set
// after deployment (docs/deploy.md), never by this template: re-running a deployment must not
// replace the field-encryption key, or existing ciphertext could no longer be read.
param name string
param location string
param tags object

resource vault 'Microsoft.KeyVault/vaults@2026-02-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // Losing the field-encryption key loses the denouncers' protected identities: no purge.
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
