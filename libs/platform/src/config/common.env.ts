import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { TOPIC_RETENTION_DEFAULT_SECONDS, TOPIC_RETENTION_FLOOR_SECONDS } from '@vigie/messaging';

/** Variables every service reads. Services extend this class with their own. */
export class CommonEnv {
  @IsString() @Matches(/^postgres(ql)?:\/\//) DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/vigie';
  @IsString() @IsNotEmpty() KAFKA_BROKERS = '127.0.0.1:9092';
  @IsInt() @Min(1) @Max(64) KAFKA_TOPIC_PARTITIONS: number = 3;
  /**
   * How long the topics that are not compacted keep events (alerts among them): set on every
   * start, the same on every service, at most the personal-data period (libs/messaging topic.retention.ts).
   */
  @IsInt()
  @Min(TOPIC_RETENTION_FLOOR_SECONDS)
  @Max(10 * 365 * 86400)
  KAFKA_TOPIC_RETENTION_SECONDS: number = TOPIC_RETENTION_DEFAULT_SECONDS;
  /** Consumer group; defaults to the service name. A new group replays the topics from the start. */
  @IsOptional() @Matches(/^[a-zA-Z0-9._-]{1,200}$/) KAFKA_GROUP_ID?: string;
  /** Replicas of each topic the service creates; absent: the broker's default. 3 on a cluster. */
  @IsOptional() @IsInt() @Min(1) @Max(7) KAFKA_REPLICATION_FACTOR?: number;
  /** In-sync replicas a write with acks=all needs; absent: the broker's default. 2 on a cluster. */
  @IsOptional() @IsInt() @Min(1) @Max(7) KAFKA_MIN_INSYNC_REPLICAS?: number;
  /** `false` where the admin provisions topics and services hold no CREATE right (a secured cluster). */
  @IsIn(['true', 'false'], { message: 'KAFKA_CREATE_TOPICS must be true or false' }) KAFKA_CREATE_TOPICS = 'true';
  /**
   * SASL mechanism; setting it turns on SASL over TLS (both or neither). Unset: plaintext and
   * unauthenticated, for a loopback development broker only.
   */
  @IsOptional() @IsIn(['scram-sha-512', 'scram-sha-256']) KAFKA_SASL_MECHANISM?: string;
  @IsOptional() @Matches(/^[A-Za-z0-9._-]{1,100}$/) KAFKA_SASL_USERNAME?: string;
  @IsOptional() @IsString() @IsNotEmpty() KAFKA_SASL_PASSWORD?: string;
  /** PEM file of the CA the brokers' certificates chain to; unset: the system's CAs. */
  @IsOptional() @IsString() @IsNotEmpty() KAFKA_SSL_CA_FILE?: string;
  @IsString() @IsNotEmpty() HTTP_HOST = '127.0.0.1';
  /** The partner registry, whose published keys verify person access tokens (the console's). */
  @IsString() @Matches(/^https?:\/\//) REGISTRY_URL = 'http://127.0.0.1:3001';
  /** pino levels; Nest's `log` and `verbose` are read as `info` and `trace`. */
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent', 'log', 'verbose']) LOG_LEVEL = 'info';
  /** JSON lines (default), or `pretty` for a person reading a terminal (the demo). */
  @IsIn(['json', 'pretty']) LOG_FORMAT = 'json';
  /** `/metrics` listens on its own address: loopback unless an operator binds it elsewhere. */
  @IsString() @IsNotEmpty() METRICS_HOST = '127.0.0.1';
  /** Defaults to the HTTP port + 100; 0 turns the metrics endpoint off. */
  @IsOptional() @IsInt() @Min(0) @Max(65535) METRICS_PORT?: number;
  /** How often the retention jobs run (personal data, idempotency keys, published events, handled-event records). */
  @IsInt() @Min(100) @Max(86400_000) RETENTION_SWEEP_INTERVAL_MS: number = 3600_000;
  /**
   * How long an event stays in the outbox once Kafka has it. Rows hold whole events (alerts and
   * their free text): they are kept only for inspection after an incident.
   */
  @IsInt() @Min(1) @Max(365 * 86400) OUTBOX_RETENTION_SECONDS: number = 7 * 86400;
  /**
   * `true` declares that this service runs as one instance: it then publishes its events straight
   * after commit, and a second instance that starts makes it hand over to relay rounds (ADR 52).
   * Leave `false` (relay rounds only) for a service deployed with several instances.
   */
  @IsIn(['true', 'false'], { message: 'OUTBOX_DIRECT_PUBLICATION must be true or false' })
  OUTBOX_DIRECT_PUBLICATION = 'false';
  /**
   * How long the ids of handled events are remembered (a redelivered event has no second effect
   * within this period). Keep it longer than any redelivery: consumer offsets are committed
   * within seconds.
   */
  @IsInt() @Min(1) @Max(365 * 86400) HANDLED_EVENTS_RETENTION_SECONDS: number = 14 * 86400;
  /**
   * How often the service checks its queue tables (outbox, inbox, deliveries) for dead rows and
   * vacuums those with QUEUE_VACUUM_DEAD_ROWS or more, whatever the server's autovacuum does; 0: never.
   */
  @IsInt() @Min(0) @Max(3600_000) QUEUE_VACUUM_INTERVAL_MS: number = 5000;
  @IsInt() @Min(1) @Max(10_000_000) QUEUE_VACUUM_DEAD_ROWS: number = 2000;
  /** Requests per API key (without a key: per client address) per 60 s window, per instance; 0 turns limiting off. */
  @IsInt() @Min(0) @Max(10_000_000) RATE_LIMIT_PER_MINUTE: number = 30_000;
}

export function portField(): PropertyDecorator {
  return (target, key) => {
    IsInt()(target, key);
    Min(1)(target, key);
    Max(65535)(target, key);
  };
}
