import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createDirectoryTables, dropDirectoryTables } from '@vigie/access';
import { createInboxTable, createOutboxTable, dropInboxTable, dropOutboxTable } from '@vigie/messaging';

export class InitialIngestion1764300000100 implements MigrationInterface {
  name = 'InitialIngestion1764300000100';

  async up(runner: QueryRunner): Promise<void> {
    await createDirectoryTables(runner);
    await createInboxTable(runner);
    await createOutboxTable(runner);
    await runner.query(`
      CREATE TABLE alerts (
        id uuid PRIMARY KEY,
        original_alert_id uuid NOT NULL,
        sender_organisation_id uuid NOT NULL,
        sent timestamptz NOT NULL,
        status text NOT NULL,
        msg_type text NOT NULL,
        department text NOT NULL,
        event_code text NOT NULL,
        severity text NOT NULL,
        tlp text NOT NULL,
        personal_data boolean NOT NULL,
        personal_data_erased_at timestamptz,
        snapshot jsonb NOT NULL
      )`);
    await runner.query('CREATE INDEX ix_alerts_sender_sent ON alerts (sender_organisation_id, sent DESC)');
    await runner.query('CREATE INDEX ix_alerts_department_sent ON alerts (department, sent DESC)');
    await runner.query('CREATE INDEX ix_alerts_original ON alerts (original_alert_id, sent)');
    await runner.query(
      'CREATE INDEX ix_alerts_personal_data_due ON alerts (sent) WHERE personal_data AND personal_data_erased_at IS NULL',
    );
    // Who received each message, learnt from alert.routed.v1: recipients may read it here.
    await runner.query(`
      CREATE TABLE alert_recipients (
        alert_id uuid NOT NULL,
        organisation_id uuid NOT NULL,
        CONSTRAINT pk_alert_recipients PRIMARY KEY (alert_id, organisation_id)
      )`);
    await runner.query('CREATE INDEX ix_alert_recipients_organisation ON alert_recipients (organisation_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE alert_recipients');
    await runner.query('DROP TABLE alerts');
    await dropOutboxTable(runner);
    await dropInboxTable(runner);
    await dropDirectoryTables(runner);
  }
}
