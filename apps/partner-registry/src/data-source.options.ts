import type { DataSourceOptions } from 'typeorm';
import { serviceDataSourceOptions } from '@vigie/persistence';
import type { RegistryConfig } from './config';
import { ApiKey } from './credentials/api-key.entity';
import { Department } from './departments/department.entity';
import { InitialRegistry1764300000000 } from './migrations/1764300000000-initial-registry';
import { Organisation } from './organisations/organisation.entity';

export function registryDataSourceOptions(config: Pick<RegistryConfig, 'databaseUrl' | 'schema'>): DataSourceOptions {
  return serviceDataSourceOptions(
    { url: config.databaseUrl, schema: config.schema },
    { entities: [Organisation, ApiKey, Department], migrations: [InitialRegistry1764300000000] },
  );
}
