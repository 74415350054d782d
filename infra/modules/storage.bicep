// The app's storage: cases, lists and audit in Tables, submissions, files and raw mail in Blobs, the queues between
// the functions, the Durable Functions task hub, the Flex Consumption deployment package, and the nightly copies of
// the tables (Table storage has no point-in-time restore). Identity only: shared
// key access is off (no connection strings, no account keys), no public blob access, TLS 1.2 and HTTPS only. Soft
// delete and versioning on blobs, so a deleted or overwritten document can be restored (docs/operations.md).

param name string
param location string
param tags object

@description('Storage redundancy, for example Standard_ZRS (zone-redundant, recommended) or Standard_LRS.')
param skuName string

@description('Days a deleted blob or container can be restored.')
@minValue(7)
@maxValue(365)
param deleteRetentionDays int

@description('Days the nightly table backups (backups/tables/…) are kept before lifecycle management deletes them.')
@minValue(7)
param tableBackupRetentionDays int

@description('The blob containers the app uses (functions/Bollebygd.Core/Storage/BlobContainers.cs).')
param containers array

@description('The queues the app uses (functions/Bollebygd.Core/Storage/QueueNames.cs).')
param queues array

@description('The tables the app uses (functions/Bollebygd.Core/Storage/TableNames.cs).')
param tables array

@description('The container Flex Consumption deploys the app package from.')
param deploymentContainer string

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
    encryption: {
      keySource: 'Microsoft.Storage'
      requireInfrastructureEncryption: true
      services: {
        blob: {
          enabled: true
        }
        file: {
          enabled: true
        }
        queue: {
          enabled: true
          keyType: 'Account'
        }
        table: {
          enabled: true
          keyType: 'Account'
        }
      }
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    isVersioningEnabled: true
    changeFeed: {
      enabled: true
      retentionInDays: deleteRetentionDays
    }
    deleteRetentionPolicy: {
      enabled: true
      days: deleteRetentionDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: deleteRetentionDays
    }
    restorePolicy: {
      enabled: true
      days: deleteRetentionDays - 1
    }
  }
}

resource blobContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [
  for container in union(containers, [deploymentContainer]): {
    parent: blobService
    name: container
    properties: {
      publicAccess: 'None'
    }
  }
]

// The app copies every table nightly into backups/tables/{day}/; old copies go by themselves.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'table-backups'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                'backups/tables/'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: tableBackupRetentionDays
                }
              }
              version: {
                delete: {
                  daysAfterCreationGreaterThan: tableBackupRetentionDays
                }
              }
            }
          }
        }
      ]
    }
  }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource storageQueues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [
  for queue in queues: {
    parent: queueService
    name: queue
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource storageTables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [
  for table in tables: {
    parent: tableService
    name: table
  }
]

output id string = account.id
output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
output tableEndpoint string = account.properties.primaryEndpoints.table
