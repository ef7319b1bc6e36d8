// Who may do what. The app's identity gets the data roles the Functions host and the app need, plus the right to
// send telemetry to Application Insights; the deploying user (when principalId is given) gets the same data roles
// so Storage Explorer can open the tables with Entra sign-in.
param storageAccountName string
param applicationInsightsName string
param identityPrincipalId string
param principalId string
param principalType string

// Built-in role definition ids: https://learn.microsoft.com/azure/role-based-access-control/built-in-roles
var storageBlobDataOwnerRoleId = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var storageQueueDataContributorRoleId = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var storageTableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var monitoringMetricsPublisherRoleId = '3913510d-42f4-4e42-8a64-420c390055eb'

var storageDataRoleIds = [
  storageBlobDataOwnerRoleId
  storageQueueDataContributorRoleId
  storageTableDataContributorRoleId
]

resource storageAccount 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource identityStorageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in storageDataRoleIds: {
    name: guid(storageAccount.id, identityPrincipalId, roleId)
    scope: storageAccount
    properties: {
      principalId: identityPrincipalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    }
  }
]

resource identityMetricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, identityPrincipalId, monitoringMetricsPublisherRoleId)
  scope: applicationInsights
  properties: {
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisherRoleId)
  }
}

resource principalStorageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in storageDataRoleIds: if (!empty(principalId)) {
    name: guid(storageAccount.id, principalId, roleId)
    scope: storageAccount
    properties: {
      principalId: principalId
      principalType: principalType
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    }
  }
]
