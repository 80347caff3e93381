import 'reflect-metadata';
import { bootstrapService } from '@vigie/platform';
import { RegistryModule } from './app.module';
import { loadConfig } from './config';

async function main(): Promise<void> {
  const config = loadConfig();
  await bootstrapService({
    name: 'partner-registry',
    module: RegistryModule.with(config),
    http: config.http,
    logLevel: config.logLevel,
    docs: {
      title: 'Vigie — partner registry',
      description: 'Organisations, départements and their prefectures, API keys. Every change is published as partner.changed.v1.',
    },
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
