// Azure Communication Services for SMS (data kept in Asia Pacific), reached by the app's
// identity, and the Event Grid system topic that carries its SMS delivery reports.
param name string
param systemTopicName string
param tags object

resource communication 'Microsoft.Communication/communicationServices@2025-09-01' = {
  name: name
  location: 'global'
  tags: tags
  properties: {
    dataLocation: 'Asia Pacific'
    // Entra ID only: no access keys (the app's identity holds the ACS role, rbac.bicep).
    disableLocalAuth: true
  }
}

// ACS events are published through a global system topic. Its own identity delivers to the
// storage queue (storage has no shared keys), see events.bicep and rbac.bicep.
resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: systemTopicName
  location: 'global'
  tags: tags
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    source: communication.id
    topicType: 'Microsoft.Communication.CommunicationServices'
  }
}

output name string = communication.name
output endpoint string = 'https://${communication.properties.hostName}'
output systemTopicName string = systemTopic.name
output systemTopicPrincipalId string = systemTopic.identity.principalId
