import type { ServiceDefinition } from '@vigie/platform';
import { RoutingModule } from './app.module';
import { loadConfig, type RoutingConfig } from './config';

/** What this service is: its configuration, modules and API description (main.ts runs it; scripts/openapi.ts describes it). */
export const service: ServiceDefinition<RoutingConfig> = {
  loadConfig,
  module: (config) => RoutingModule.with(config),
  consumes: true,
  docs: {
    title: 'Vigie — prefect routing',
    description: 'Decides who receives each alert and why, and publishes alert.routed.v1.',
  },
};
