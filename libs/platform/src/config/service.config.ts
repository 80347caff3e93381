import { checkTopicRetention, type KafkaSettings } from '@vigie/messaging';
import { logLevelOf, type LoggingSettings, type MetricsSettings } from '@vigie/observability';
import type { RateLimitSettings } from '../http/rate-limit.module';
import type { CommonEnv } from './common.env';
import { kafkaSettings } from './kafka.config';

/** What every service needs to start: HTTP, logs, its database schema, Kafka. */
export interface ServiceConfig {
  name: string;
  http: { host: string; port: number };
  logging: LoggingSettings;
  metrics: MetricsSettings;
  databaseUrl: string;
  schema: string;
  kafka: KafkaSettings;
  rateLimit: RateLimitSettings;
  /** How long published events and handled-event records are kept, and how often they are purged. */
  retention: { outboxSeconds: number; handledEventsSeconds: number; sweepIntervalMs: number };
  /** How often the service looks for queue tables to vacuum (0: never), and from how many dead rows. */
  queueVacuum: { intervalMs: number; deadRows: number };
  /** The service runs as one instance and publishes straight after commit (ADR 52). */
  directPublication: boolean;
  /** Where the registry's person-token keys are published. */
  registryUrl: string;
}

/** The common part of a service's typed configuration, from its validated environment. */
export function serviceConfig(
  values: CommonEnv & { HTTP_PORT: number },
  service: { name: string; schema: string },
): ServiceConfig {
  return {
    name: service.name,
    http: { host: values.HTTP_HOST, port: values.HTTP_PORT },
    logging: { level: logLevelOf(values.LOG_LEVEL), format: values.LOG_FORMAT as LoggingSettings['format'] },
    metrics: { host: values.METRICS_HOST, port: values.METRICS_PORT ?? values.HTTP_PORT + 100 },
    databaseUrl: values.DATABASE_URL,
    schema: service.schema,
    kafka: kafkaSettings(values, service),
    rateLimit: { perMinute: values.RATE_LIMIT_PER_MINUTE },
    retention: {
      outboxSeconds: values.OUTBOX_RETENTION_SECONDS,
      handledEventsSeconds: values.HANDLED_EVENTS_RETENTION_SECONDS,
      sweepIntervalMs: values.RETENTION_SWEEP_INTERVAL_MS,
    },
    queueVacuum: { intervalMs: values.QUEUE_VACUUM_INTERVAL_MS, deadRows: values.QUEUE_VACUUM_DEAD_ROWS },
    directPublication: values.OUTBOX_DIRECT_PUBLICATION === 'true',
    registryUrl: values.REGISTRY_URL,
  };
}

/** The configuration of a service that keeps personal data of alerts: its retention adds how long it keeps it. */
export type PersonalDataConfig = ServiceConfig & {
  retention: ServiceConfig['retention'] & { personalDataSeconds: number };
};

/**
 * serviceConfig for a service that keeps personal data of alerts for PERSONAL_DATA_RETENTION_SECONDS;
 * it refuses to start when Kafka would keep the alerts' events longer.
 */
export function personalDataConfig(
  values: CommonEnv & { HTTP_PORT: number; PERSONAL_DATA_RETENTION_SECONDS: number },
  service: { name: string; schema: string },
): PersonalDataConfig {
  checkTopicRetention(values.KAFKA_TOPIC_RETENTION_SECONDS, values.PERSONAL_DATA_RETENTION_SECONDS);
  const common = serviceConfig(values, service);
  return { ...common, retention: { ...common.retention, personalDataSeconds: values.PERSONAL_DATA_RETENTION_SECONDS } };
}
