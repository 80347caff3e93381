import { json } from 'express';
import type { ServiceDefinition } from '@vigie/platform';
import { NotificationModule } from './app.module';
import { loadConfig, type NotificationConfig } from './config';
import { payloadSchemas, WEBHOOKS } from './stream/payloads.openapi';
import { WEBHOOK_IMPORT_BODY_LIMIT, WEBHOOK_IMPORT_PATH } from './webhooks/webhook-import.controller';

/** What this service is: its configuration, modules and API description (main.ts runs it; scripts/openapi.ts describes it). */
export const service: ServiceDefinition<NotificationConfig> = {
  loadConfig,
  module: (config) => NotificationModule.with(config),
  consumes: true,
  configure: (app) => {
    app.use(WEBHOOK_IMPORT_PATH, json({ limit: WEBHOOK_IMPORT_BODY_LIMIT, type: 'application/json' }));
  },
  docs: {
    title: 'Vigie — notification',
    description:
      'Webhooks of partner organisations and the delivery of routed alerts to them. Deliveries are signed ' +
      '(Vigie-Signature: v1=HMAC-SHA256 of "<Vigie-Timestamp>.<body>"), retried with backoff, and traceable per alert.',
    webhooks: WEBHOOKS,
    schemas: payloadSchemas(),
  },
};
