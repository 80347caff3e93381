/**
 * Every Kafka topic Vigie uses. A published shape never changes: a new shape is a new
 * version, hence a new topic. Nothing outside this file spells a topic name.
 */
export const Topics = {
  AlertSubmittedV1: 'alert.submitted.v1',
  AlertUpdatedV1: 'alert.updated.v1',
  AlertCancelledV1: 'alert.cancelled.v1',
  AlertRoutedV1: 'alert.routed.v1',
  AlertAcknowledgedV1: 'alert.acknowledged.v1',
  BroadcastRoutedV1: 'broadcast.routed.v1',
  BroadcastAcknowledgedV1: 'broadcast.acknowledged.v1',
  DeliveryDeadV1: 'delivery.dead.v1',
  PartnerChangedV1: 'partner.changed.v1',
  AuditReadV1: 'audit.read.v1',
} as const;

export type Topic = (typeof Topics)[keyof typeof Topics];

/**
 * Topics that carry the latest state of each key rather than a history: Kafka keeps the last
 * message per key, so a new consumer rebuilds its read model from the topic alone.
 */
export const COMPACTED_TOPICS: readonly Topic[] = [Topics.PartnerChangedV1];

export const DEAD_LETTER_SUFFIX = '.dlq';

export function deadLetterTopicOf(topic: Topic): string {
  return `${topic}${DEAD_LETTER_SUFFIX}`;
}

/** The topics and their dead-letter twins, as the services create them at start-up. */
export function allTopics(): string[] {
  return Object.values(Topics).flatMap((topic) => [topic, deadLetterTopicOf(topic)]);
}
