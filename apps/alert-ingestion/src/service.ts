import type { ServiceDefinition } from '@vigie/platform';
import { IngestionModule } from './app.module';
import { useCapXmlBodyParser } from './cap/alert-negotiation';
import { CAP_XML_MEDIA_TYPE } from './cap/cap.vocabulary';
import { loadConfig, type IngestionConfig } from './config';

/** What this service is: its configuration, modules and API description (main.ts runs it; scripts/openapi.ts describes it). */
export const service: ServiceDefinition<IngestionConfig> = {
  loadConfig,
  module: (config) => IngestionModule.with(config),
  consumes: true,
  configure: useCapXmlBodyParser,
  bodyMediaTypes: [CAP_XML_MEDIA_TYPE],
  docs: {
    title: 'Vigie — alert ingestion',
    description:
      'Partners submit incident alerts (CAP 1.2 aligned). Each accepted alert is stored and published as alert.submitted.v1 in one transaction.',
  },
};
