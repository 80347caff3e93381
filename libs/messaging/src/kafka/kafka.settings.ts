export interface KafkaSettings {
  brokers: string[];
  /** Also the `producer` written in every envelope this service emits. */
  clientId: string;
  /** Consumer group of the service: its instances share the partitions. */
  groupId: string;
  /** Partitions of each topic created at start-up. */
  topicPartitions: number;
  /**
   * `retention.ms` of every topic that is not compacted (alerts travel on them), set when a
   * topic is created and restored at every start. See topic.retention.ts for its bounds.
   */
  topicRetentionMs: number;
}
