import './tracing';
import 'reflect-metadata';
import { runService } from '@vigie/platform';
import { IngestionModule } from './app.module';
import { useCapXmlBodyParser } from './cap/alert-negotiation';
import { CAP_XML_MEDIA_TYPE } from './cap/cap.vocabulary';
import { loadConfig } from './config';

runService({
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
});
