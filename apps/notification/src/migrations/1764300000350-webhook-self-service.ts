import type { MigrationInterface } from 'typeorm';
import { migrationSteps } from '@vigie/persistence';

/**
 * Webhook self-service: a previous secret valid until the end of a rotation's overlap, why an
 * endpoint is disabled, its run of failed attempts (automatic disabling), and what each
 * delivery's last attempt got back and took.
 */
export class WebhookSelfService1764300000350 implements MigrationInterface {
  name = 'WebhookSelfService1764300000350';

  up = migrationSteps(
    `ALTER TABLE webhooks
      ADD COLUMN previous_secret_ciphertext text,
      ADD COLUMN previous_secret_expires_at timestamptz,
      ADD COLUMN disabled_reason text,
      ADD COLUMN consecutive_failures integer NOT NULL DEFAULT 0,
      ADD COLUMN failing_since timestamptz`,
    // Endpoints disabled earlier: by a 410 when one of their deliveries died of it, else by their organisation.
    `UPDATE webhooks w SET disabled_reason = CASE
      WHEN EXISTS (SELECT 1 FROM deliveries d WHERE d.webhook_id = w.id AND d.last_error LIKE 'HTTP 410%') THEN 'gone'
      ELSE 'by-organisation' END
    WHERE disabled_at IS NOT NULL`,
    `ALTER TABLE deliveries
      ADD COLUMN last_attempt_at timestamptz,
      ADD COLUMN last_response_status integer,
      ADD COLUMN last_duration_ms integer`,
    // An endpoint's deliveries, newest first: the self-service list and bulk redelivery.
    'CREATE INDEX ix_deliveries_webhook ON deliveries (webhook_id, created_at DESC, id DESC) WHERE webhook_id IS NOT NULL',
  );

  down = migrationSteps(
    'DROP INDEX ix_deliveries_webhook',
    'ALTER TABLE deliveries DROP COLUMN last_attempt_at, DROP COLUMN last_response_status, DROP COLUMN last_duration_ms',
    `ALTER TABLE webhooks DROP COLUMN previous_secret_ciphertext, DROP COLUMN previous_secret_expires_at,
      DROP COLUMN disabled_reason, DROP COLUMN consecutive_failures, DROP COLUMN failing_since`,
  );
}
