// The Function App's user-assigned managed identity: every service it reaches (Storage, Key Vault, Service Bus,
// Application Insights) trusts this identity through a role assignment, so no key or connection secret is needed.

@description('Name of the identity.')
param name string

param location string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
