// The Flex Consumption plan and the function app. Every connection is identity-based: the app signs in to storage
// and to Application Insights with its user-assigned identity, and no setting holds a key.
param name string
param planName string
param location string
param tags object

@description('azd service name from azure.yaml; azd finds the app to deploy to by this tag.')
param serviceName string

param identityId string
param identityClientId string
param applicationInsightsName string

@description('Primary blob, queue and table endpoints of the storage account.')
param storageEndpoints object

param deploymentContainerName string
param instanceMemoryMB int
param maximumInstanceCount int
param httpAlwaysReadyInstances int

@description('App settings read by the app code (section names from its options classes).')
param appSettings object

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
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

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: union(tags, {
    'azd-service-name': serviceName
  })
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
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
        // All HTTP-triggered functions share the 'http' group; the queue and timer functions scale on their own.
        alwaysReady: [
          {
            name: 'http'
            instanceCount: httpAlwaysReadyInstances
          }
        ]
      }
    }
  }
}

// Deployment goes through Entra-authenticated OneDeploy (azd, Core Tools, az CLI); no publishing password exists.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

// Flex Consumption takes the runtime from functionAppConfig and rejects FUNCTIONS_WORKER_RUNTIME,
// FUNCTIONS_EXTENSION_VERSION, WEBSITE_RUN_FROM_PACKAGE and the content-share settings, so none is set here.
var hostSettings = {
  // AzureWebJobsStorage is the only connection: the host's leases and queue triggers, and the app's
  // tables, queues and blobs (it reads all three service URIs from here).
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: storageEndpoints.blob
  AzureWebJobsStorage__queueServiceUri: storageEndpoints.queue
  AzureWebJobsStorage__tableServiceUri: storageEndpoints.table
  // With local auth disabled on Application Insights, this connection string carries no credential: it only
  // names the resource and its ingestion endpoint. Telemetry is signed with the identity named below.
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${identityClientId}'
}

resource settings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'appsettings'
  properties: union(appSettings, hostSettings)
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
