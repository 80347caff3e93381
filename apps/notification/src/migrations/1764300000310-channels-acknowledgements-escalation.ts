import type { MigrationInterface } from 'typeorm';
import { migrationSteps } from '@vigie/persistence';

/**
 * E-mail beside webhooks, the per-organisation stream, acknowledgements and escalation
 * deadlines; deliveries learn who sent what they carry and a 'failed' (will retry) status.
 */
export class ChannelsAcknowledgementsEscalation1764300000310 implements MigrationInterface {
  name = 'ChannelsAcknowledgementsEscalation1764300000310';

  up = migrationSteps(
    // Referents from partner.changed.v1: whom to e-mail, and the deputies to escalate to.
    `CREATE TABLE referents (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES directory_organisations (id) ON DELETE CASCADE,
      department text NOT NULL,
      role text NOT NULL CHECK (role IN ('PRIMARY', 'DEPUTY')),
      full_name text NOT NULL,
      email text NOT NULL
    )`,
    'CREATE INDEX ix_referents_organisation ON referents (organisation_id, department, role)',

    // Each routed alert or broadcast and its recipients: who may read its deliveries and acknowledge it.
    `CREATE TABLE routed_messages (
      id uuid PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('alert', 'broadcast')),
      original_alert_id uuid,
      sender_organisation_id uuid NOT NULL,
      routed_at timestamptz NOT NULL
    )`,
    `CREATE TABLE routed_recipients (
      message_id uuid NOT NULL REFERENCES routed_messages (id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL,
      rule text NOT NULL,
      reason text NOT NULL,
      PRIMARY KEY (message_id, organisation_id)
    )`,
    'CREATE INDEX ix_routed_recipients_organisation ON routed_recipients (organisation_id)',

    'ALTER TABLE deliveries DROP CONSTRAINT ck_deliveries_status',
    "ALTER TABLE deliveries ADD CONSTRAINT ck_deliveries_status CHECK (status IN ('pending', 'failed', 'sent', 'dead'))",
    'ALTER TABLE deliveries DROP CONSTRAINT uq_deliveries_alert_webhook',
    'ALTER TABLE deliveries ALTER COLUMN webhook_id DROP NOT NULL',
    `ALTER TABLE deliveries
      ADD COLUMN message_type text NOT NULL DEFAULT 'alert.routed',
      ADD COLUMN sender_organisation_id uuid,
      ADD COLUMN referent_id uuid,
      ADD COLUMN email_address text,
      ADD CONSTRAINT ck_deliveries_target CHECK (
        (channel = 'webhook' AND webhook_id IS NOT NULL AND referent_id IS NULL) OR
        (channel = 'email' AND referent_id IS NOT NULL AND email_address IS NOT NULL AND webhook_id IS NULL))`,
    'CREATE UNIQUE INDEX uq_deliveries_webhook ON deliveries (alert_id, message_type, webhook_id) WHERE webhook_id IS NOT NULL',
    'CREATE UNIQUE INDEX uq_deliveries_email ON deliveries (alert_id, message_type, referent_id) WHERE referent_id IS NOT NULL',
    'CREATE INDEX ix_deliveries_alert ON deliveries (alert_id)',
    'DROP INDEX ix_deliveries_due',
    "CREATE INDEX ix_deliveries_due ON deliveries (next_attempt_at) WHERE status IN ('pending', 'failed')",

    // The stream: one numbered log per organisation. The head row is locked by each append until
    // commit, so an organisation's events become visible in the order of their numbers.
    `CREATE TABLE stream_heads (
      organisation_id uuid PRIMARY KEY,
      last_seq bigint NOT NULL
    )`,
    `CREATE TABLE stream_events (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL,
      seq bigint NOT NULL,
      type text NOT NULL,
      subject_id uuid NOT NULL,
      data jsonb NOT NULL,
      personal_data_erased_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT uq_stream_events_seq UNIQUE (organisation_id, seq),
      CONSTRAINT uq_stream_events_subject UNIQUE (organisation_id, type, subject_id)
    )`,
    'CREATE INDEX ix_stream_events_created ON stream_events (created_at)',

    `CREATE TABLE acknowledgements (
      alert_id uuid NOT NULL,
      organisation_id uuid NOT NULL,
      channel text NOT NULL CHECK (channel IN ('api', 'email')),
      api_key_id uuid,
      referent_id uuid,
      acknowledged_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (alert_id, organisation_id)
    )`,

    // One escalation per alert chain (keyed by the original alert), armed for its competent prefecture.
    `CREATE TABLE escalations (
      id uuid PRIMARY KEY,
      alert_id uuid NOT NULL,
      prefecture_id uuid NOT NULL,
      alert jsonb NOT NULL,
      status text NOT NULL CHECK (status IN ('armed', 'cancelled', 'completed')),
      next_step text CHECK (next_step IN ('deputy', 'national')),
      next_step_at timestamptz,
      personal_data_erased_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    "CREATE INDEX ix_escalations_due ON escalations (next_step_at) WHERE status = 'armed'",
    `CREATE TABLE escalation_steps (
      escalation_id uuid NOT NULL REFERENCES escalations (id) ON DELETE CASCADE,
      step text NOT NULL CHECK (step IN ('armed', 'deputy', 'national', 'cancelled')),
      detail text NOT NULL,
      at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (escalation_id, step)
    )`,
  );

  down = migrationSteps(
    'DROP TABLE escalation_steps',
    'DROP TABLE escalations',
    'DROP TABLE acknowledgements',
    'DROP TABLE stream_events',
    'DROP TABLE stream_heads',
    "DELETE FROM deliveries WHERE channel <> 'webhook' OR status = 'failed'",
    'DROP INDEX ix_deliveries_due',
    "CREATE INDEX ix_deliveries_due ON deliveries (next_attempt_at) WHERE status = 'pending'",
    'DROP INDEX ix_deliveries_alert',
    'DROP INDEX uq_deliveries_email',
    'DROP INDEX uq_deliveries_webhook',
    `ALTER TABLE deliveries DROP CONSTRAINT ck_deliveries_target, DROP COLUMN email_address,
      DROP COLUMN referent_id, DROP COLUMN sender_organisation_id, DROP COLUMN message_type`,
    'ALTER TABLE deliveries ALTER COLUMN webhook_id SET NOT NULL',
    'ALTER TABLE deliveries ADD CONSTRAINT uq_deliveries_alert_webhook UNIQUE (alert_id, webhook_id)',
    'ALTER TABLE deliveries DROP CONSTRAINT ck_deliveries_status',
    "ALTER TABLE deliveries ADD CONSTRAINT ck_deliveries_status CHECK (status IN ('pending', 'sent', 'dead'))",
    'DROP TABLE routed_recipients',
    'DROP TABLE routed_messages',
    'DROP TABLE referents',
  );
}
