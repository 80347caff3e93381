import type { ServiceDefinition } from '@vigie/platform';
import { RegistryModule } from './app.module';
import { loadConfig, type RegistryConfig } from './config';
import { CSV_MEDIA_TYPE, useImportBodyParsers } from './imports/import.body';

/** What this service is: its configuration, modules and API description (main.ts runs it; scripts/openapi.ts describes it). */
export const service: ServiceDefinition<RegistryConfig> = {
  loadConfig,
  module: (config) => RegistryModule.with(config),
  consumes: true,
  configure: useImportBodyParsers,
  bodyMediaTypes: [CSV_MEDIA_TYPE],
  docs: {
    title: 'Vigie — partner registry',
    description:
      'Organisations, départements and their prefectures, API keys. Every change is published as partner.changed.v1; the audit trail also records the reads of alerts ingestion reports on audit.read.v1.',
  },
};
