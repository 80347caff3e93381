import type { ServiceDataSourceParts } from '@vigie/persistence';
import { DIRECTORY_ENTITIES } from '@vigie/access';
import { InitialRouting1764300000200 } from './migrations/1764300000200-initial-routing';
import { RoutingDecision } from './routing/routing-decision.entity';

/** The entities and migrations of the service's schema. */
export const ROUTING_TABLES: ServiceDataSourceParts = {
  entities: [...DIRECTORY_ENTITIES, RoutingDecision],
  migrations: [InitialRouting1764300000200],
};
