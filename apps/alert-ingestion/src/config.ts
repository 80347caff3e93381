import { IsInt, Max, Min } from 'class-validator';
import { CommonEnv, loadEnv, personalDataConfig, portField, type PersonalDataConfig } from '@vigie/platform';

class IngestionEnv extends CommonEnv {
  @portField() HTTP_PORT: number = 3002;
  /** How long the free-text fields of alerts flagged as holding personal data are kept. */
  @IsInt() @Min(1) @Max(10 * 365 * 86400) PERSONAL_DATA_RETENTION_SECONDS: number = 90 * 86400;
}

export interface IngestionConfig extends PersonalDataConfig {
  retention: PersonalDataConfig['retention'] & { idempotencyKeySeconds: number };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): IngestionConfig {
  const common = personalDataConfig(loadEnv(IngestionEnv, env), {
    name: 'alert-ingestion',
    schema: 'ingestion',
  });
  return { ...common, retention: { ...common.retention, idempotencyKeySeconds: 24 * 3600 } };
}

export const INGESTION_CONFIG = Symbol('INGESTION_CONFIG');
