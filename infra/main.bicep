// OneStream.Functions: everything the webhook receiver needs, in one resource group, with no keys anywhere.
// Deploy with `azd up`, or with `az deployment sub create` (see README.md, "Deploy to Azure").
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the environment (azd sets it); it seeds every resource name and tags every resource.')
param environmentName string

@minLength(1)
@description('Azure region for every resource. It must offer the Flex Consumption plan.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of a user, group or service principal that gets data access to the tables, queues and blobs (for Storage Explorer). Leave empty for none.')
param principalId string = ''

@description('What kind of principal principalId is.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param principalType string = 'User'

@description('Name of the resource group to create. Empty means rg-<environmentName>.')
param resourceGroupName string = ''

@description('Memory of each Flex Consumption instance, in MB. CPU grows with it; so does the always-ready baseline cost.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Most instances the app may scale out to (each function scales on its own).')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Instances kept warm for the HTTP functions, so a webhook POST never waits for a cold start.')
@minValue(0)
@maxValue(20)
param httpAlwaysReadyInstances int = 1

@description('Days after which claim-check bodies under onestream-payloads/incoming/ are deleted. Blobs under stored/ are kept.')
@minValue(1)
@maxValue(3650)
param payloadRetentionDays int = 30

@description('Region used to read phone numbers written without a country code (two letters, ISO 3166).')
@minLength(2)
@maxLength(2)
param defaultRegion string = 'US'

@description('Days Log Analytics keeps telemetry (31 days are included in the ingestion price).')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}

// The names the app code uses by default (src/OneStream.Ingest/Storage/StorageNames.cs); a test keeps them in step.
var storageNames = {
  callEventsQueue: 'onestream-call-events'
  transcriptionsQueue: 'onestream-transcriptions'
  payloadContainer: 'onestream-payloads'
  eventsTable: 'OneStreamEvents'
  callsTable: 'OneStreamCalls'
  transcriptionsTable: 'OneStreamTranscriptions'
  callIndexTable: 'OneStreamCallIndex'
  receiptsTable: 'OneStreamReceipts'
}

var functionAppName = '${abbrs.webSitesFunctions}${resourceToken}'
var deploymentContainerName = 'app-package-${functionAppName}'

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
    retentionInDays: logRetentionDays
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    payloadContainerName: storageNames.payloadContainer
    payloadRetentionDays: payloadRetentionDays
    queueNames: [
      storageNames.callEventsQueue
      '${storageNames.callEventsQueue}-poison'
      storageNames.transcriptionsQueue
      '${storageNames.transcriptionsQueue}-poison'
    ]
    tableNames: [
      storageNames.eventsTable
      storageNames.callsTable
      storageNames.transcriptionsTable
      storageNames.callIndexTable
      storageNames.receiptsTable
    ]
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    identityPrincipalId: identity.outputs.principalId
    principalId: principalId
    principalType: principalType
  }
}

module function 'app/function.bicep' = {
  name: 'function'
  scope: rg
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    serviceName: 'api'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    storageEndpoints: storage.outputs.endpoints
    deploymentContainerName: deploymentContainerName
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    httpAlwaysReadyInstances: httpAlwaysReadyInstances
    appSettings: {
      OneStream__Storage__CallEventsQueue: storageNames.callEventsQueue
      OneStream__Storage__TranscriptionsQueue: storageNames.transcriptionsQueue
      OneStream__Storage__PayloadContainer: storageNames.payloadContainer
      OneStream__Storage__EventsTable: storageNames.eventsTable
      OneStream__Storage__CallsTable: storageNames.callsTable
      OneStream__Storage__TranscriptionsTable: storageNames.transcriptionsTable
      OneStream__Storage__CallIndexTable: storageNames.callIndexTable
      OneStream__Storage__ReceiptsTable: storageNames.receiptsTable
      OneStream__Calls__MissedSweepSchedule: '0 * * * * *'
      OneStream__Calls__DefaultRegion: defaultRegion
    }
  }
  // The app's identity must hold its storage roles before the platform writes the first deployment package.
  dependsOn: [
    rbac
  ]
}

// Outputs azd stores in .azure/<env>/.env and hands to the postdeploy hook. None of them is a secret.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = function.outputs.name
output AZURE_FUNCTION_APP_HOSTNAME string = function.outputs.defaultHostName
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_TABLE_ENDPOINT string = storage.outputs.endpoints.table
