import type { DataSourceOptions } from 'typeorm';
import { DIRECTORY_ENTITIES } from '@vigie/access';
import { serviceDataSourceOptions } from '@vigie/persistence';
import { Alert } from './alerts/alert.entity';
import type { IngestionConfig } from './config';
import { InitialIngestion1764300000100 } from './migrations/1764300000100-initial-ingestion';

export function ingestionDataSourceOptions(config: Pick<IngestionConfig, 'databaseUrl' | 'schema'>): DataSourceOptions {
  return serviceDataSourceOptions(
    { url: config.databaseUrl, schema: config.schema },
    { entities: [...DIRECTORY_ENTITIES, Alert], migrations: [InitialIngestion1764300000100] },
  );
}
