import 'reflect-metadata';
import { bootstrapService } from '@vigie/platform';
import { RoutingModule } from './app.module';
import { loadConfig } from './config';

async function main(): Promise<void> {
  const config = loadConfig();
  await bootstrapService({
    name: 'prefect-routing',
    module: RoutingModule.with(config),
    http: config.http,
    logLevel: config.logLevel,
    consumer: config.kafka,
    docs: {
      title: 'Vigie — prefect routing',
      description: 'Decides who receives each alert and why, and publishes alert.routed.v1.',
    },
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
