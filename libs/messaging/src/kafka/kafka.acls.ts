import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, ResourcePatternTypes, type AclEntry } from 'kafkajs';
import { deadLetterTopicOf, Topics, type Topic } from '@vigie/contracts';

/**
 * Which service writes and reads which topic: the source of the cluster's ACLs. A service that
 * starts consuming or producing a topic must be added here, or the secured cluster refuses it
 * (the secured end-to-end test runs the whole flow, so a gap shows there).
 */
export const TOPIC_RIGHTS = {
  'partner-registry': { produces: [Topics.PartnerChangedV1], consumes: [Topics.AuditReadV1] },
  'alert-ingestion': {
    produces: [Topics.AlertSubmittedV1, Topics.AlertUpdatedV1, Topics.AlertCancelledV1, Topics.AuditReadV1],
    consumes: [Topics.AlertRoutedV1, Topics.PartnerChangedV1],
  },
  'prefect-routing': {
    produces: [Topics.AlertRoutedV1, Topics.BroadcastRoutedV1],
    consumes: [Topics.AlertSubmittedV1, Topics.AlertUpdatedV1, Topics.AlertCancelledV1, Topics.PartnerChangedV1],
  },
  notification: {
    produces: [Topics.AlertAcknowledgedV1, Topics.BroadcastAcknowledgedV1, Topics.DeliveryDeadV1],
    consumes: [Topics.AlertRoutedV1, Topics.BroadcastRoutedV1, Topics.PartnerChangedV1],
  },
} as const satisfies Record<string, { produces: readonly Topic[]; consumes: readonly Topic[] }>;

export type KafkaServiceUser = keyof typeof TOPIC_RIGHTS;

export const KAFKA_SERVICE_USERS = Object.keys(TOPIC_RIGHTS) as KafkaServiceUser[];

function allow(
  user: string,
  resourceType: AclResourceTypes,
  resourceName: string,
  operation: AclOperationTypes,
  resourcePatternType = ResourcePatternTypes.LITERAL,
): AclEntry {
  return {
    resourceType,
    resourceName,
    resourcePatternType,
    principal: `User:${user}`,
    host: '*',
    operation,
    permissionType: AclPermissionTypes.ALLOW,
  };
}

/**
 * The ACLs of one service user (its Kafka user name is the service name): WRITE on the topics
 * it produces and on the dead-letter twins of those it consumes (poison messages go there),
 * READ on the topics it consumes, READ on the consumer groups named after it. Nothing else:
 * no CREATE (the admin provisions topics), no other topic, no cluster operation. READ and
 * WRITE imply DESCRIBE.
 */
export function serviceAcls(user: KafkaServiceUser): AclEntry[] {
  const rights = TOPIC_RIGHTS[user];
  const consumed: readonly Topic[] = rights.consumes;
  return [
    ...rights.produces.map((topic) => allow(user, AclResourceTypes.TOPIC, topic, AclOperationTypes.WRITE)),
    ...consumed.map((topic) => allow(user, AclResourceTypes.TOPIC, topic, AclOperationTypes.READ)),
    ...consumed.map((topic) => allow(user, AclResourceTypes.TOPIC, deadLetterTopicOf(topic), AclOperationTypes.WRITE)),
    // Prefixed: a second group of the same service (KAFKA_GROUP_ID=<service>-…) works too.
    allow(user, AclResourceTypes.GROUP, user, AclOperationTypes.READ, ResourcePatternTypes.PREFIXED),
  ];
}
