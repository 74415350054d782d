// Application Insights on a Log Analytics workspace. Local (instrumentation key) authentication is off: the app
// sends telemetry with its managed identity (Monitoring Metrics Publisher, see roles.bicep).

param logAnalyticsName string
param applicationInsightsName string
param location string
param tags object

@description('Days the logs are kept.')
@minValue(30)
@maxValue(730)
param retentionInDays int

@description('Daily ingestion cap in GB (a runaway log cannot run up the bill); -1 for none.')
param dailyQuotaGb int

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    workspaceCapping: {
      dailyQuotaGb: dailyQuotaGb
    }
    features: {
      disableLocalAuth: true
    }
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
    IngestionMode: 'LogAnalytics'
    RetentionInDays: retentionInDays
  }
}

output applicationInsightsId string = applicationInsights.id
output applicationInsightsName string = applicationInsights.name
output connectionString string = applicationInsights.properties.ConnectionString
output workspaceId string = workspace.id
