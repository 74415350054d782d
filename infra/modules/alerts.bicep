// What wakes an operator: an operator alert raised by the app (poison messages, a registration in Platina or a request
// to EDP Future given up after hours of retries — TableOperatorAlerts logs each as "Operator alert ..."), SLA workflow
// failures, a health endpoint that says unhealthy (an availability test every five minutes), and many failing function
// runs. All go to one action group (e-mail).

param location string
param tags object
param namePrefix string
param applicationInsightsId string

@description('The health endpoint the availability test calls.')
param healthUrl string

@description('Who gets the alert mails.')
param alertEmailAddresses array

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: '${namePrefix}-operators'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'kontaktctr'
    enabled: true
    emailReceivers: [
      for (address, i) in alertEmailAddresses: {
        name: 'operator-${i}'
        emailAddress: address
        useCommonAlertSchema: true
      }
    ]
  }
}

resource health 'Microsoft.Insights/webtests@2022-06-15' = {
  name: '${namePrefix}-health'
  location: location
  tags: union(tags, { 'hidden-link:${applicationInsightsId}': 'Resource' })
  kind: 'standard'
  properties: {
    SyntheticMonitorId: '${namePrefix}-health'
    Name: 'Kontaktcenter /api/health'
    Enabled: true
    Frequency: 300
    Timeout: 30
    Kind: 'standard'
    RetryEnabled: true
    Locations: [
      { Id: 'emea-se-sto-edge' }
      { Id: 'emea-nl-ams-azr' }
      { Id: 'emea-gb-db3-azr' }
    ]
    Request: {
      RequestUrl: healthUrl
      HttpVerb: 'GET'
      ParseDependentRequests: false
    }
    ValidationRules: {
      ExpectedHttpStatusCode: 200
      SSLCheck: true
      SSLCertRemainingLifetimeCheck: 14
    }
  }
}

var rules = [
  {
    name: 'operator-alerts'
    displayName: 'Kontaktcenter: operator alert (poison messages, Platina or EDP given up)'
    severity: 1
    query: 'traces | where severityLevel >= 3 and message startswith "Operator alert"'
    threshold: 0
  }
  {
    name: 'sla-failures'
    displayName: 'Kontaktcenter: SLA workflows failing'
    severity: 2
    query: 'union (traces | where severityLevel >= 3 and message startswith "SLA evaluation of case"), (exceptions | where operation_Name has "CaseSla")'
    threshold: 0
  }
  {
    name: 'health'
    displayName: 'Kontaktcenter: /api/health unhealthy'
    severity: 1
    query: 'availabilityResults | where name == "Kontaktcenter /api/health" and success == false'
    threshold: 1
  }
  {
    name: 'failing-functions'
    displayName: 'Kontaktcenter: many failing function runs'
    severity: 2
    query: 'requests | where success == false'
    threshold: 20
  }
]

resource logAlerts 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = [
  for rule in rules: {
    name: '${namePrefix}-${rule.name}'
    location: location
    tags: tags
    properties: {
      displayName: rule.displayName
      severity: rule.severity
      enabled: true
      evaluationFrequency: 'PT5M'
      windowSize: 'PT15M'
      scopes: [
        applicationInsightsId
      ]
      criteria: {
        allOf: [
          {
            query: rule.query
            timeAggregation: 'Count'
            operator: 'GreaterThan'
            threshold: rule.threshold
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      autoMitigate: true
      actions: {
        actionGroups: [
          actionGroup.id
        ]
      }
    }
  }
]

output actionGroupId string = actionGroup.id
