import type { MigrationInterface } from 'typeorm';
import { createDirectoryTables, dropDirectoryTables } from '@vigie/access';
import { createInboxTable, createOutboxTable, dropInboxTable, dropOutboxTable } from '@vigie/messaging';
import { migrationSteps } from '@vigie/persistence';

export class InitialIngestion1764300000100 implements MigrationInterface {
  name = 'InitialIngestion1764300000100';

  up = migrationSteps(
    createDirectoryTables,
    createInboxTable,
    createOutboxTable,
    `CREATE TABLE alerts (
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
    )`,
    'CREATE INDEX ix_alerts_sender_sent ON alerts (sender_organisation_id, sent DESC)',
    'CREATE INDEX ix_alerts_department_sent ON alerts (department, sent DESC)',
    'CREATE INDEX ix_alerts_original ON alerts (original_alert_id, sent)',
    'CREATE INDEX ix_alerts_personal_data_due ON alerts (sent) WHERE personal_data AND personal_data_erased_at IS NULL',
    // Who received each message, learnt from alert.routed.v1: recipients may read it here.
    `CREATE TABLE alert_recipients (
      alert_id uuid NOT NULL,
      organisation_id uuid NOT NULL,
      CONSTRAINT pk_alert_recipients PRIMARY KEY (alert_id, organisation_id)
    )`,
    'CREATE INDEX ix_alert_recipients_organisation ON alert_recipients (organisation_id)',
  );

  down = migrationSteps(
    'DROP TABLE alert_recipients',
    'DROP TABLE alerts',
    dropOutboxTable,
    dropInboxTable,
    dropDirectoryTables,
  );
}
