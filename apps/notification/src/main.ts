import './tracing';
import 'reflect-metadata';
import { runService } from '@vigie/platform';
import { NotificationModule } from './app.module';
import { loadConfig } from './config';

runService({
  loadConfig,
  module: (config) => NotificationModule.with(config),
  consumes: true,
  docs: {
    title: 'Vigie — notification',
    description:
      'Webhooks of partner organisations and the delivery of routed alerts to them. Deliveries are signed ' +
      '(Vigie-Signature: v1=HMAC-SHA256 of "<Vigie-Timestamp>.<body>"), retried with backoff, and traceable per alert.',
  },
});
