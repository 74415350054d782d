// Key Vault in RBAC mode for the secrets the app cannot do without: Platina's client secret, EDP Future's API key,
// the SMTP relay's and the mailboxes' (IMAP) passwords, the SMS gateway's key and the staff sign-in secret of the
// Static Web App. The template creates the vault, never the secrets: operators set them (docs/operations.md), and
// app settings refer to them (@Microsoft.KeyVault(...)), resolved by the platform with the app's identity.

param name string
param location string
param tags object

@allowed([
  'standard'
  'premium'
])
param skuName string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: skuName
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    enabledForDeployment: false
    enabledForTemplateDeployment: false
    enabledForDiskEncryption: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

output id string = vault.id
output name string = vault.name
output uri string = vault.properties.vaultUri
