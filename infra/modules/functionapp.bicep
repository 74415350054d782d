// The API: a Flex Consumption Function App (Linux, dotnet-isolated on the project's .NET version) running as the
// user-assigned identity. It deploys its package from a blob container with that identity, reads its storage with it
// (AzureWebJobsStorage__* service URIs + credential, no connection string), resolves Key Vault references with it, and
// offers no basic-auth publishing (FTP/SCM): deployments go through Entra ID (azd, az).

param name string
param planName string
param location string
param tags object

@description('The resource id of the user-assigned identity the app runs as.')
param identityId string

@description('The blob endpoint of the storage account and the container the package is deployed from.')
param deploymentBlobEndpoint string
param deploymentContainer string

@description('The .NET version of functions/Bollebygd.Functions.')
param dotnetVersion string

@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('App settings (name to value); secrets only as Key Vault references.')
param appSettings object

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: map(items(appSettings), setting => { name: setting.key, value: string(setting.value) })
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${deploymentBlobEndpoint}${deploymentContainer}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: dotnetVersion
      }
    }
  }
}

resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

output id string = site.id
output name string = site.name
output defaultHostName string = site.properties.defaultHostName
