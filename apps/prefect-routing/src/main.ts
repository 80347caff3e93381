import './tracing';
import 'reflect-metadata';
import { runService } from '@vigie/platform';
import { RoutingModule } from './app.module';
import { loadConfig } from './config';

runService({
  loadConfig,
  module: (config) => RoutingModule.with(config),
  consumes: true,
  docs: {
    title: 'Vigie — prefect routing',
    description: 'Decides who receives each alert and why, and publishes alert.routed.v1.',
  },
});
