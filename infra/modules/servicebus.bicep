// Service Bus for integration events: the app publishes case events (created, registered, closed) on a topic for
// other systems to subscribe to. Local (SAS key) authentication is off; the app sends with its identity (Azure Service
// Bus Data Sender). Duplicate detection drops a resent event (the publisher's message ids are stable).

param name string
param location string
param tags object

@allowed([
  'Standard'
  'Premium'
])
@description('Topics need Standard or Premium.')
param skuName string

param topicName string

resource namespace 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuName
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
  }
}

resource topic 'Microsoft.ServiceBus/namespaces/topics@2022-10-01-preview' = {
  parent: namespace
  name: topicName
  properties: {
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: 'P7D'
    defaultMessageTimeToLive: 'P14D'
    supportOrdering: true
  }
}

// A topic drops what no subscription takes: this one keeps every event for two weeks, so a system that subscribes
// later (or is down for a while) can still read them; integrations add their own subscriptions (docs/operations.md).
resource retained 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2022-10-01-preview' = {
  parent: topic
  name: 'retained'
  properties: {
    defaultMessageTimeToLive: 'P14D'
    deadLetteringOnMessageExpiration: false
    maxDeliveryCount: 10
  }
}

output id string = namespace.id
output name string = namespace.name
output topicName string = topic.name
// serviceBusEndpoint is https://{name}.servicebus.windows.net:443/ in the public cloud; the host is what the SDK takes.
output fullyQualifiedNamespace string = split(split(namespace.properties.serviceBusEndpoint, '//')[1], ':')[0]
