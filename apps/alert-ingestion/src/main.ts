import 'reflect-metadata';
import { bootstrapService } from '@vigie/platform';
import { IngestionModule } from './app.module';
import { loadConfig } from './config';

async function main(): Promise<void> {
  const config = loadConfig();
  await bootstrapService({
    name: 'alert-ingestion',
    module: IngestionModule.with(config),
    http: config.http,
    logLevel: config.logLevel,
    consumer: config.kafka,
    docs: {
      title: 'Vigie — alert ingestion',
      description:
        'Partners submit incident alerts (CAP 1.2 aligned). Each accepted alert is stored and published as alert.submitted.v1 in one transaction.',
    },
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
