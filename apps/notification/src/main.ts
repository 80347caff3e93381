import 'reflect-metadata';
import { bootstrapService } from '@vigie/platform';
import { NotificationModule } from './app.module';
import { loadConfig } from './config';

async function main(): Promise<void> {
  const config = loadConfig();
  await bootstrapService({
    name: 'notification',
    module: NotificationModule.with(config),
    http: config.http,
    logLevel: config.logLevel,
    consumer: config.kafka,
    docs: {
      title: 'Vigie — notification',
      description:
        'Webhooks of partner organisations and the delivery of routed alerts to them. Deliveries are signed ' +
        '(Vigie-Signature: v1=HMAC-SHA256 of "<Vigie-Timestamp>.<body>"), retried with backoff, and traceable per alert.',
    },
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
