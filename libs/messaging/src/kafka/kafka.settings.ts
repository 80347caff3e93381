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
  /** Replicas of each topic created at start-up; absent: the broker's `default.replication.factor`. */
  replicationFactor?: number;
  /** `min.insync.replicas` of each topic created at start-up; absent: the broker's default. */
  minInsyncReplicas?: number;
  /**
   * Whether the service creates missing topics at start-up. Off on a secured cluster, where
   * service users have no CREATE right and the admin provisions topics (scripts/kafka-provision.ts).
   */
  createTopics: boolean;
  /** TLS and SASL; absent: plaintext, unauthenticated (local development only). */
  security?: KafkaSecurity;
}

export type SaslMechanism = 'scram-sha-512' | 'scram-sha-256';

export interface KafkaSecurity {
  /** PEM certificates the brokers' chain must lead to; absent: Node's default CAs. */
  ca?: string;
  sasl: { mechanism: SaslMechanism; username: string; password: string };
}
