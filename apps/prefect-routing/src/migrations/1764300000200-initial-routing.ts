import type { MigrationInterface } from 'typeorm';
import { createDirectoryTables, dropDirectoryTables } from '@vigie/access';
import { createInboxTable, createOutboxTable, dropInboxTable, dropOutboxTable } from '@vigie/messaging';
import { migrationSteps } from '@vigie/persistence';

export class InitialRouting1764300000200 implements MigrationInterface {
  name = 'InitialRouting1764300000200';

  up = migrationSteps(
    createDirectoryTables,
    createInboxTable,
    createOutboxTable,
    `CREATE TABLE routing_decisions (
      id uuid PRIMARY KEY,
      alert_id uuid NOT NULL,
      sender_organisation_id uuid NOT NULL,
      department text NOT NULL,
      recipients jsonb NOT NULL,
      excluded jsonb NOT NULL DEFAULT '[]',
      warnings jsonb NOT NULL DEFAULT '[]',
      routed_at timestamptz NOT NULL,
      CONSTRAINT uq_routing_decisions_alert UNIQUE (alert_id)
    )`,
  );

  down = migrationSteps('DROP TABLE routing_decisions', dropOutboxTable, dropInboxTable, dropDirectoryTables);
}
