import './tracing';
import 'reflect-metadata';
import { runService } from '@vigie/platform';
import { RegistryModule } from './app.module';
import { loadConfig } from './config';

runService({
  loadConfig,
  module: (config) => RegistryModule.with(config),
  consumes: false,
  docs: {
    title: 'Vigie — partner registry',
    description:
      'Organisations, départements and their prefectures, API keys. Every change is published as partner.changed.v1.',
  },
});
