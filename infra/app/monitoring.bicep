// Log Analytics and Application Insights. Local (instrumentation key) auth is off: telemetry is accepted only
// with an Entra token, which the app gets from its managed identity (Monitoring Metrics Publisher, see rbac.bicep).
param logAnalyticsName string
param applicationInsightsName string
param location string
param tags object
param retentionInDays int

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
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
    WorkspaceResourceId: logAnalytics.id
    DisableLocalAuth: true
    IngestionMode: 'LogAnalytics'
  }
}

output applicationInsightsName string = applicationInsights.name
