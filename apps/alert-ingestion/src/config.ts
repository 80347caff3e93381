import { IsInt, Max, Min } from 'class-validator';
import { CommonEnv, loadEnv, portField, serviceConfig, type ServiceConfig } from '@vigie/platform';

class IngestionEnv extends CommonEnv {
  @portField() HTTP_PORT: number = 3002;
  /** How long the free-text fields of alerts flagged as holding personal data are kept. */
  @IsInt() @Min(1) @Max(10 * 365 * 86400) PERSONAL_DATA_RETENTION_SECONDS: number = 90 * 86400;
  /** How often the retention job looks for expired personal data and idempotency keys. */
  @IsInt() @Min(100) @Max(86400_000) RETENTION_SWEEP_INTERVAL_MS: number = 3600_000;
}

export interface IngestionConfig extends ServiceConfig {
  retention: { personalDataSeconds: number; sweepIntervalMs: number; idempotencyKeySeconds: number };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): IngestionConfig {
  const values = loadEnv(IngestionEnv, env);
  return {
    ...serviceConfig(values, { name: 'alert-ingestion', schema: 'ingestion' }),
    retention: {
      personalDataSeconds: values.PERSONAL_DATA_RETENTION_SECONDS,
      sweepIntervalMs: values.RETENTION_SWEEP_INTERVAL_MS,
      idempotencyKeySeconds: 24 * 3600,
    },
  };
}

export const INGESTION_CONFIG = Symbol('INGESTION_CONFIG');
