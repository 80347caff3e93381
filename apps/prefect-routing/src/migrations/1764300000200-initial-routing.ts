import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createDirectoryTables, dropDirectoryTables } from '@vigie/access';
import { createInboxTable, createOutboxTable, dropInboxTable, dropOutboxTable } from '@vigie/messaging';

export class InitialRouting1764300000200 implements MigrationInterface {
  name = 'InitialRouting1764300000200';

  async up(runner: QueryRunner): Promise<void> {
    await createDirectoryTables(runner);
    await createInboxTable(runner);
    await createOutboxTable(runner);
    await runner.query(`
      CREATE TABLE routing_decisions (
        id uuid PRIMARY KEY,
        alert_id uuid NOT NULL,
        sender_organisation_id uuid NOT NULL,
        department text NOT NULL,
        recipients jsonb NOT NULL,
        excluded jsonb NOT NULL DEFAULT '[]',
        warnings jsonb NOT NULL DEFAULT '[]',
        routed_at timestamptz NOT NULL,
        CONSTRAINT uq_routing_decisions_alert UNIQUE (alert_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE routing_decisions');
    await dropOutboxTable(runner);
    await dropInboxTable(runner);
    await dropDirectoryTables(runner);
  }
}
