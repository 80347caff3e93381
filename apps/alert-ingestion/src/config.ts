import { IsInt, Max, Min } from 'class-validator';
import { checkTopicRetention } from '@vigie/messaging';
import { CommonEnv, loadEnv, portField, serviceConfig, type ServiceConfig } from '@vigie/platform';

class IngestionEnv extends CommonEnv {
  @portField() HTTP_PORT: number = 3002;
  /** How long the free-text fields of alerts flagged as holding personal data are kept. */
  @IsInt() @Min(1) @Max(10 * 365 * 86400) PERSONAL_DATA_RETENTION_SECONDS: number = 90 * 86400;
}

export interface IngestionConfig extends ServiceConfig {
  retention: ServiceConfig['retention'] & { personalDataSeconds: number; idempotencyKeySeconds: number };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): IngestionConfig {
  const values = loadEnv(IngestionEnv, env);
  checkTopicRetention(values.KAFKA_TOPIC_RETENTION_SECONDS, values.PERSONAL_DATA_RETENTION_SECONDS);
  const common = serviceConfig(values, { name: 'alert-ingestion', schema: 'ingestion' });
  return {
    ...common,
    retention: {
      ...common.retention,
      personalDataSeconds: values.PERSONAL_DATA_RETENTION_SECONDS,
      idempotencyKeySeconds: 24 * 3600,
    },
  };
}

export const INGESTION_CONFIG = Symbol('INGESTION_CONFIG');
