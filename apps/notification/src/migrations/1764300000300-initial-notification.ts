import type { MigrationInterface } from 'typeorm';
import { createDirectoryTables, dropDirectoryTables } from '@vigie/access';
import { createInboxTable, createOutboxTable, dropInboxTable, dropOutboxTable } from '@vigie/messaging';
import { migrationSteps } from '@vigie/persistence';

export class InitialNotification1764300000300 implements MigrationInterface {
  name = 'InitialNotification1764300000300';

  up = migrationSteps(
    createDirectoryTables,
    createInboxTable,
    // Nothing is published yet, but the outbox relay polls this table in every service.
    createOutboxTable,
    `CREATE TABLE webhooks (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL,
      url text NOT NULL,
      secret_ciphertext text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      disabled_at timestamptz
    )`,
    'CREATE INDEX ix_webhooks_organisation ON webhooks (organisation_id)',
    `CREATE TABLE deliveries (
      id uuid PRIMARY KEY,
      alert_id uuid NOT NULL,
      organisation_id uuid NOT NULL,
      webhook_id uuid NOT NULL REFERENCES webhooks (id),
      channel text NOT NULL DEFAULT 'webhook',
      status text NOT NULL DEFAULT 'pending',
      attempts integer NOT NULL DEFAULT 0,
      last_error text,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      body jsonb NOT NULL,
      personal_data_erased_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz,
      CONSTRAINT uq_deliveries_alert_webhook UNIQUE (alert_id, webhook_id),
      CONSTRAINT ck_deliveries_status CHECK (status IN ('pending', 'sent', 'dead'))
    )`,
    "CREATE INDEX ix_deliveries_due ON deliveries (next_attempt_at) WHERE status = 'pending'",
  );

  down = migrationSteps(
    'DROP TABLE deliveries',
    'DROP TABLE webhooks',
    dropOutboxTable,
    dropInboxTable,
    dropDirectoryTables,
  );
}
