import { CommonEnv, loadEnv, portField, serviceConfig, type ServiceConfig } from '@vigie/platform';

class IngestionEnv extends CommonEnv {
  @portField() HTTP_PORT: number = 3002;
}

export type IngestionConfig = ServiceConfig;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): IngestionConfig {
  return serviceConfig(loadEnv(IngestionEnv, env), { name: 'alert-ingestion', schema: 'ingestion' });
}
