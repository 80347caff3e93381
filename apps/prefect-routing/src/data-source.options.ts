import type { DataSourceOptions } from 'typeorm';
import { DIRECTORY_ENTITIES } from '@vigie/access';
import { serviceDataSourceOptions } from '@vigie/persistence';
import type { RoutingConfig } from './config';
import { InitialRouting1764300000200 } from './migrations/1764300000200-initial-routing';
import { RoutingDecision } from './routing/routing-decision.entity';

export function routingDataSourceOptions(config: Pick<RoutingConfig, 'databaseUrl' | 'schema'>): DataSourceOptions {
  return serviceDataSourceOptions(
    { url: config.databaseUrl, schema: config.schema },
    { entities: [...DIRECTORY_ENTITIES, RoutingDecision], migrations: [InitialRouting1764300000200] },
  );
}
