// Bollebygd Kontaktcenter in Azure: everything the system needs in one resource group, with no keys anywhere — the
// Function App runs as a user-assigned managed identity that holds exactly the roles it needs; the few secrets of
// other systems (Platina, EDP Future, SMTP, IMAP, SMS, staff sign-in) live in Key Vault and reach the app as Key
// Vault references. Deploy with `azd up` (azure.yaml) or `az deployment group create` (docs/operations.md).
targetScope = 'resourceGroup'

@minLength(1)
@maxLength(32)
@description('Name of the environment (azd: AZURE_ENV_NAME), for example bollebygd-prod. Part of every resource name.')
param environmentName string

@description('Region for everything but the Static Web App.')
param location string = resourceGroup().location

@description('Region of the Static Web App (it is offered in fewer regions).')
@allowed([
  'westeurope'
  'northeurope'
  'centralus'
  'eastus2'
  'westus2'
  'eastasia'
])
param staticWebAppLocation string = 'westeurope'

@description('Storage redundancy.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSku string = 'Standard_ZRS'

@description('Memory per Function App instance (MB).')
@allowed([
  512
  2048
  4096
])
param functionInstanceMemoryMB int = 2048

@description('Upper bound on Function App instances.')
@minValue(40)
@maxValue(1000)
param functionMaximumInstanceCount int = 40

@description('Static Web App plan (Standard: custom staff sign-in and a linked API).')
@allowed([
  'Standard'
])
param staticWebAppSku string = 'Standard'

@description('Service Bus tier (topics need Standard).')
@allowed([
  'Standard'
  'Premium'
])
param serviceBusSku string = 'Standard'

@description('Key Vault tier.')
@allowed([
  'standard'
  'premium'
])
param keyVaultSku string = 'standard'

@description('Days logs are kept in Log Analytics.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 90

@description('Daily log ingestion cap in GB; -1 for none.')
param logDailyQuotaGb int = 2

@description('Days the nightly table backups are kept.')
@minValue(7)
@maxValue(3650)
param tableBackupRetentionDays int = 35

@description('Days a deleted or overwritten document (blob) can be restored.')
@minValue(7)
@maxValue(365)
param blobRetentionDays int = 30

@description('Entra ID tenant staff sign in to (empty: the subscription\'s).')
param staffTenantId string = ''

@description('Client id of the Entra ID app registration of the agent app (the API validates its tokens).')
param staffClientId string = ''

@description('Audiences the staff tokens carry (the API\'s App ID URI and its client id), comma separated.')
param staffAudience string = 'api://bollebygd-kontaktcenter'

@description('SMTP relay for outgoing mail (STARTTLS).')
param smtpHost string = ''
param smtpPort int = 587
param smtpUserName string = ''

@description('IMAP server of the function mailboxes (TLS).')
param imapHost string = ''
param imapPort int = 993

@description('The function mailboxes read for incoming cases: name, address, displayName, group (competence group) and userName. The password of each is the Key Vault secret imap-password-{name}.')
param mailboxes array = [
  {
    name: 'kommunen'
    address: 'kommunen@bollebygd.se'
    displayName: 'Bollebygds kommun'
    group: 'kundtjanst'
    userName: 'kommunen@bollebygd.se'
  }
]

@description('The mailbox whose address web-form cases use when their group has none.')
param defaultMailbox string = 'kommunen'

@description('Platina\'s REST API (empty: no registration in Platina) and the client id of its OAuth2 client.')
param platinaBaseUrl string = ''
param platinaClientId string = ''

@description('EDP Future\'s API (empty: the EDP e-services stay with staff).')
param edpBaseUrl string = ''

@description('The SMS gateway (empty: no SMS).')
param smsGatewayUrl string = ''

@description('Who gets the operators\' alert mails, separated by commas.')
param alertEmailAddresses string = ''

@description('Entra ID security group object ids and the competence group each stands for, for example { \'6a1f…\': \'kundtjanst\' }.')
param staffGroupMap object = {}

var resourceToken = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var tags = {
  'azd-env-name': environmentName
  system: 'bollebygd-kontaktcenter'
}
var staffTenant = empty(staffTenantId) ? subscription().tenantId : staffTenantId
var dotnetVersion = '10.0'
var deploymentContainer = 'app-package'
var caseEventsTopic = 'case-events'

// Names from functions/Bollebygd.Core/Storage (tests/Bollebygd.Infra.Tests checks they match the code).
var blobContainers = [
  'submissions'
  'uploads'
  'raw-mail'
  'mailbox-state'
  'routing'
  'leases'
  'keys'
  'backups'
]
var queues = [
  'audit'
  'mail-inbound'
  'mail-outgoing'
  'sms-outgoing'
  'case-changed'
  'platina-registrations'
  'edp-requests'
  'case-events'
]
var tables = [
  'AuditLog'
  'OperatorAlerts'
  'Cases'
  'CaseCounters'
  'SubmissionClaims'
  'TrackingLinks'
  'CaseReferenceIndex'
  'ReceiptAllowances'
  'CaseList'
  'AuditBySubject'
  'KnowledgeArticles'
  'Remisser'
  'StaffDirectory'
  'RoutingExamples'
]

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: 'id-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    skuName: storageSku
    deleteRetentionDays: blobRetentionDays
    tableBackupRetentionDays: tableBackupRetentionDays
    containers: blobContainers
    queues: queues
    tables: tables
    deploymentContainer: deploymentContainer
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
    retentionInDays: logRetentionDays
    dailyQuotaGb: logDailyQuotaGb
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
    skuName: keyVaultSku
  }
}

module serviceBus 'modules/servicebus.bicep' = {
  name: 'servicebus'
  params: {
    name: 'sb-${resourceToken}'
    location: location
    tags: tags
    skuName: serviceBusSku
    topicName: caseEventsTopic
  }
}

// A setting that names a secret: the platform resolves it from Key Vault with the app's identity. The SecretUri form
// (without a version: the latest) is the one both the Function App and the Static Web App take.
func secretReference(vaultUri string, secretName string) string => '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${secretName})'

var mailboxSettings = reduce(mailboxes, {}, (settings, mailbox) => union(settings, {
  'Mailboxes__${mailbox.name}__Address': mailbox.address
  'Mailboxes__${mailbox.name}__DisplayName': mailbox.displayName
  'Mailboxes__${mailbox.name}__Group': mailbox.group
  'Mailboxes__${mailbox.name}__UserName': mailbox.userName
  'Mailboxes__${mailbox.name}__PasswordSetting': 'MailboxPassword_${mailbox.name}'
  'MailboxPassword_${mailbox.name}': secretReference(keyVault.outputs.uri, 'imap-password-${mailbox.name}')
}))

var appSettings = union(mailboxSettings, {
  // Storage by identity: service URIs and the user-assigned identity, never a connection string.
  AzureWebJobsStorage__blobServiceUri: storage.outputs.blobEndpoint
  AzureWebJobsStorage__queueServiceUri: storage.outputs.queueEndpoint
  AzureWebJobsStorage__tableServiceUri: storage.outputs.tableEndpoint
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identity.outputs.clientId
  AZURE_CLIENT_ID: identity.outputs.clientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.outputs.clientId};Authorization=AAD'
  PublicBaseUrl: 'https://${staticWebApp.outputs.defaultHostName}'
  // Timers on Flex Consumption run in UTC.
  PoisonQueueMonitorSchedule: '0 */5 * * * *'
  MailboxPollSchedule: '0 * * * * *'
  RoutingTrainingSchedule: '0 0 2 * * *'
  SlaReconciliationSchedule: '0 */10 * * * *'
  TableBackupSchedule: '0 30 0 * * *'
  Mail__SmtpHost: smtpHost
  Mail__SmtpPort: smtpPort
  Mail__Security: 'StartTls'
  Mail__UserName: smtpUserName
  Mail__Password: secretReference(keyVault.outputs.uri, 'smtp-password')
  Mail__FromName: 'Bollebygds kommun'
  Mail__DefaultMailbox: defaultMailbox
  Imap__Host: imapHost
  Imap__Port: imapPort
  Imap__Security: 'SslOnConnect'
  StaffAuth__Authority: '${environment().authentication.loginEndpoint}${staffTenant}/v2.0'
  StaffAuth__Audience: empty(staffClientId) ? staffAudience : '${staffAudience},${staffClientId}'
  // One setting: a Linux app setting's name cannot hold the hyphens of an Entra group id.
  StaffAuth__GroupMapping: join(map(items(staffGroupMap), group => '${group.key}=${group.value}'), ';')
  Platina__BaseUrl: platinaBaseUrl
  Platina__ClientId: platinaClientId
  Platina__ClientSecretSetting: 'PlatinaClientSecret'
  PlatinaClientSecret: secretReference(keyVault.outputs.uri, 'platina-client-secret')
  Edp__BaseUrl: edpBaseUrl
  Edp__ApiKeySetting: 'EdpApiKey'
  EdpApiKey: secretReference(keyVault.outputs.uri, 'edp-api-key')
  Sms__GatewayUrl: smsGatewayUrl
  Sms__ApiKeySetting: 'SmsApiKey'
  SmsApiKey: secretReference(keyVault.outputs.uri, 'sms-api-key')
  CaseEvents__FullyQualifiedNamespace: serviceBus.outputs.fullyQualifiedNamespace
  CaseEvents__TopicName: serviceBus.outputs.topicName
})

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  // Its identity's roles first: storage, the package container and the Key Vault references are read with them.
  dependsOn: [
    roles
  ]
  params: {
    name: 'func-${resourceToken}'
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    deploymentBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainer: deploymentContainer
    dotnetVersion: dotnetVersion
    instanceMemoryMB: functionInstanceMemoryMB
    maximumInstanceCount: functionMaximumInstanceCount
    appSettings: appSettings
  }
}

module staticWebApp 'modules/staticwebapp.bicep' = {
  name: 'staticwebapp'
  params: {
    name: 'swa-${resourceToken}'
    location: staticWebAppLocation
    tags: tags
    skuName: staticWebAppSku
    staffClientId: staffClientId
    staffSignInReference: secretReference(keyVault.outputs.uri, 'staff-sign-in-secret')
  }
}

module staticWebAppApi 'modules/staticwebapp-api.bicep' = {
  name: 'staticwebapp-api'
  params: {
    staticWebAppName: staticWebApp.outputs.name
    functionAppId: functionApp.outputs.id
    functionAppLocation: location
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  params: {
    principalId: identity.outputs.principalId
    staticWebAppPrincipalId: staticWebApp.outputs.principalId
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    keyVaultName: keyVault.outputs.name
    serviceBusNamespaceName: serviceBus.outputs.name
    topicName: serviceBus.outputs.topicName
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  params: {
    location: location
    tags: tags
    namePrefix: 'kontaktcenter-${resourceToken}'
    applicationInsightsId: monitoring.outputs.applicationInsightsId
    // Through the Static Web App: a linked Function App answers only requests that come through it.
    healthUrl: 'https://${staticWebApp.outputs.defaultHostName}/api/health'
    alertEmailAddresses: filter(map(split(alertEmailAddresses, ','), address => trim(address)), address => !empty(address))
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = subscription().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup().name
output FUNCTION_APP_NAME string = functionApp.outputs.name
output API_URL string = 'https://${functionApp.outputs.defaultHostName}'
output WEB_URL string = 'https://${staticWebApp.outputs.defaultHostName}'
output STATIC_WEB_APP_NAME string = staticWebApp.outputs.name
output STORAGE_ACCOUNT_NAME string = storage.outputs.name
output KEY_VAULT_NAME string = keyVault.outputs.name
output SERVICE_BUS_NAMESPACE string = serviceBus.outputs.fullyQualifiedNamespace
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output STAFF_TENANT_ID string = staffTenant
output STAFF_CLIENT_ID string = staffClientId
