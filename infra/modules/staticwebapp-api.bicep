// Links the Function App to the Static Web App as its API: /api/* on the web's origin reaches the functions.

param staticWebAppName string

@description('The Function App to link as the API.')
param functionAppId string
param functionAppLocation string

resource site 'Microsoft.Web/staticSites@2024-04-01' existing = {
  name: staticWebAppName
}

resource backend 'Microsoft.Web/staticSites/linkedBackends@2024-04-01' = {
  parent: site
  name: 'api'
  properties: {
    backendResourceId: functionAppId
    region: functionAppLocation
  }
}
