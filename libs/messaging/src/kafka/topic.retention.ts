/**
 * How long Kafka keeps the events of a topic that is not compacted. Alerts travel on these
 * topics (and their dead-letter twins), whole and with their free text, so the period must
 * not exceed the personal-data period (docs/data-protection.md, ADR 0020).
 *
 * The floor is one hour. Kafka deletes by segment, and once a segment's newest event is older
 * than retention.ms it deletes the active segment too, at the next retention check: a period
 * of seconds would empty the topics under a consumer that is a few seconds behind, or a test
 * suite reading a topic another suite's services just reconfigured on the shared broker. A
 * personal-data period shorter than an hour is then kept in Kafka for one hour.
 */
export const TOPIC_RETENTION_FLOOR_SECONDS = 3600;

/** The default: a week, what Kafka kept before Vigie set it, well within the 90-day personal-data default. */
export const TOPIC_RETENTION_DEFAULT_SECONDS = 7 * 86400;

/**
 * For the services that hold the personal-data period: the topics may not keep an alert
 * longer than that period (or than the floor, when the period is shorter). Throws the same
 * kind of message as a bad environment variable, so the service refuses to start.
 */
export function checkTopicRetention(topicRetentionSeconds: number, personalDataSeconds: number): void {
  const limit = Math.max(personalDataSeconds, TOPIC_RETENTION_FLOOR_SECONDS);
  if (topicRetentionSeconds > limit) {
    throw new Error(
      `invalid configuration:\n  KAFKA_TOPIC_RETENTION_SECONDS: ${topicRetentionSeconds} exceeds ` +
        `PERSONAL_DATA_RETENTION_SECONDS (${personalDataSeconds}); Kafka would keep alerts after their ` +
        `personal data is erased everywhere else. Set it to at most ${limit} on every service.`,
    );
  }
}
