// The web: the citizens' pages, the agent app and the contractors' remiss page as a Static Web App (Standard: custom
// staff sign-in and a linked backend). The Function App is linked as its API, so /api/* reaches the functions on the
// same origin (linked in staticwebapp-api.bicep, once the Function App exists); web/staticwebapp.config.json restricts
// the staff routes to staff roles. The app's own identity reads its sign-in secret from Key Vault (STAFF_CLIENT_SECRET
// is a Key Vault reference).

param name string
param location string
param tags object

@allowed([
  'Standard'
])
@description('Standard: custom authentication and a linked Function App need it.')
param skuName string

@description('The Entra ID app registration staff sign in with (its client id).')
param staffClientId string

@description('The Key Vault reference (not the value) of the staff sign-in client secret.')
param staffSignInReference string

resource site 'Microsoft.Web/staticSites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'web' })
  sku: {
    name: skuName
    tier: skuName
  }
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    allowConfigFileUpdates: true
    stagingEnvironmentPolicy: 'Disabled'
    publicNetworkAccess: 'Enabled'
  }
}

resource settings 'Microsoft.Web/staticSites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    STAFF_CLIENT_ID: staffClientId
    STAFF_CLIENT_SECRET: staffSignInReference
  }
}

output id string = site.id
output name string = site.name
output defaultHostName string = site.properties.defaultHostname
output principalId string = site.identity.principalId
