import type { KafkaSettings } from './kafka/kafka.settings';

export interface MessagingOptions {
  kafka: KafkaSettings;
  /** The service's database schema, which holds its outbox and inbox. */
  schema: string;
  /**
   * `direct`: the service runs as one instance and publishes straight after commit, with a
   * publisher lease that hands over to relay rounds if another instance starts (ADR 52).
   */
  outbox: { batchSize: number; pollIntervalMs: number; direct: boolean };
  consumer: { maxAttempts: number; baseDelayMs: number; maxDelayMs: number };
  /** Published outbox rows and handled-event records are deleted after these periods. */
  retention: { outboxSeconds: number; handledEventsSeconds: number; sweepIntervalMs: number };
  /**
   * TableUpkeep, every `intervalMs` (0: never): the queue tables are vacuumed once `deadRows` of
   * their rows are dead; a table of the schema is analysed once it has doubled (ADR 49).
   */
  vacuum: { intervalMs: number; deadRows: number; tables: string[] };
}
