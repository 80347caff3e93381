import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail beside webhooks, the per-organisation stream, acknowledgements and escalation
 * deadlines; deliveries learn who sent what they carry and a 'failed' (will retry) status.
 */
export class ChannelsAcknowledgementsEscalation1764300000310 implements MigrationInterface {
  name = 'ChannelsAcknowledgementsEscalation1764300000310';

  async up(runner: QueryRunner): Promise<void> {
    // Referents from partner.changed.v1: whom to e-mail, and the deputies to escalate to.
    await runner.query(`
      CREATE TABLE referents (
        id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES directory_organisations (id) ON DELETE CASCADE,
        department text NOT NULL,
        role text NOT NULL CHECK (role IN ('PRIMARY', 'DEPUTY')),
        full_name text NOT NULL,
        email text NOT NULL
      )`);
    await runner.query('CREATE INDEX ix_referents_organisation ON referents (organisation_id, department, role)');

    // Each routed alert or broadcast and its recipients: who may read its deliveries and acknowledge it.
    await runner.query(`
      CREATE TABLE routed_messages (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('alert', 'broadcast')),
        original_alert_id uuid,
        sender_organisation_id uuid NOT NULL,
        routed_at timestamptz NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE routed_recipients (
        message_id uuid NOT NULL REFERENCES routed_messages (id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL,
        rule text NOT NULL,
        reason text NOT NULL,
        PRIMARY KEY (message_id, organisation_id)
      )`);
    await runner.query('CREATE INDEX ix_routed_recipients_organisation ON routed_recipients (organisation_id)');

    await runner.query('ALTER TABLE deliveries DROP CONSTRAINT ck_deliveries_status');
    await runner.query(
      "ALTER TABLE deliveries ADD CONSTRAINT ck_deliveries_status CHECK (status IN ('pending', 'failed', 'sent', 'dead'))",
    );
    await runner.query('ALTER TABLE deliveries DROP CONSTRAINT uq_deliveries_alert_webhook');
    await runner.query('ALTER TABLE deliveries ALTER COLUMN webhook_id DROP NOT NULL');
    await runner.query(`
      ALTER TABLE deliveries
        ADD COLUMN message_type text NOT NULL DEFAULT 'alert.routed',
        ADD COLUMN sender_organisation_id uuid,
        ADD COLUMN referent_id uuid,
        ADD COLUMN email_address text,
        ADD CONSTRAINT ck_deliveries_target CHECK (
          (channel = 'webhook' AND webhook_id IS NOT NULL AND referent_id IS NULL) OR
          (channel = 'email' AND referent_id IS NOT NULL AND email_address IS NOT NULL AND webhook_id IS NULL))`);
    await runner.query(
      'CREATE UNIQUE INDEX uq_deliveries_webhook ON deliveries (alert_id, message_type, webhook_id) WHERE webhook_id IS NOT NULL',
    );
    await runner.query(
      'CREATE UNIQUE INDEX uq_deliveries_email ON deliveries (alert_id, message_type, referent_id) WHERE referent_id IS NOT NULL',
    );
    await runner.query('CREATE INDEX ix_deliveries_alert ON deliveries (alert_id)');
    await runner.query('DROP INDEX ix_deliveries_due');
    await runner.query(
      "CREATE INDEX ix_deliveries_due ON deliveries (next_attempt_at) WHERE status IN ('pending', 'failed')",
    );

    // The stream: one numbered log per organisation. The head row is locked by each append until
    // commit, so an organisation's events become visible in the order of their numbers.
    await runner.query(`
      CREATE TABLE stream_heads (
        organisation_id uuid PRIMARY KEY,
        last_seq bigint NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE stream_events (
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
      )`);
    await runner.query('CREATE INDEX ix_stream_events_created ON stream_events (created_at)');

    await runner.query(`
      CREATE TABLE acknowledgements (
        alert_id uuid NOT NULL,
        organisation_id uuid NOT NULL,
        channel text NOT NULL CHECK (channel IN ('api', 'email')),
        api_key_id uuid,
        referent_id uuid,
        acknowledged_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (alert_id, organisation_id)
      )`);

    // One escalation per alert chain (keyed by the original alert), armed for its competent prefecture.
    await runner.query(`
      CREATE TABLE escalations (
        id uuid PRIMARY KEY,
        alert_id uuid NOT NULL,
        prefecture_id uuid NOT NULL,
        alert jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('armed', 'cancelled', 'completed')),
        next_step text CHECK (next_step IN ('deputy', 'national')),
        next_step_at timestamptz,
        personal_data_erased_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query("CREATE INDEX ix_escalations_due ON escalations (next_step_at) WHERE status = 'armed'");
    await runner.query(`
      CREATE TABLE escalation_steps (
        escalation_id uuid NOT NULL REFERENCES escalations (id) ON DELETE CASCADE,
        step text NOT NULL CHECK (step IN ('armed', 'deputy', 'national', 'cancelled')),
        detail text NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (escalation_id, step)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE escalation_steps');
    await runner.query('DROP TABLE escalations');
    await runner.query('DROP TABLE acknowledgements');
    await runner.query('DROP TABLE stream_events');
    await runner.query('DROP TABLE stream_heads');
    await runner.query("DELETE FROM deliveries WHERE channel <> 'webhook' OR status = 'failed'");
    await runner.query('DROP INDEX ix_deliveries_due');
    await runner.query("CREATE INDEX ix_deliveries_due ON deliveries (next_attempt_at) WHERE status = 'pending'");
    await runner.query('DROP INDEX ix_deliveries_alert');
    await runner.query('DROP INDEX uq_deliveries_email');
    await runner.query('DROP INDEX uq_deliveries_webhook');
    await runner.query(`
      ALTER TABLE deliveries DROP CONSTRAINT ck_deliveries_target, DROP COLUMN email_address,
        DROP COLUMN referent_id, DROP COLUMN sender_organisation_id, DROP COLUMN message_type`);
    await runner.query('ALTER TABLE deliveries ALTER COLUMN webhook_id SET NOT NULL');
    await runner.query(
      'ALTER TABLE deliveries ADD CONSTRAINT uq_deliveries_alert_webhook UNIQUE (alert_id, webhook_id)',
    );
    await runner.query('ALTER TABLE deliveries DROP CONSTRAINT ck_deliveries_status');
    await runner.query(
      "ALTER TABLE deliveries ADD CONSTRAINT ck_deliveries_status CHECK (status IN ('pending', 'sent', 'dead'))",
    );
    await runner.query('DROP TABLE routed_recipients');
    await runner.query('DROP TABLE routed_messages');
    await runner.query('DROP TABLE referents');
  }
}
