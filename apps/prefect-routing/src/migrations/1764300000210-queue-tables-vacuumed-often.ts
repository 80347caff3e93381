import type { MigrationInterface, QueryRunner } from 'typeorm';
import { vacuumQueueTableByDefault, vacuumQueueTableOften } from '@vigie/messaging';

/** The queue tables are vacuumed after a few hundred dead rows (see vacuumQueueTableOften). */
export class QueueTablesVacuumedOften1764300000210 implements MigrationInterface {
  name = 'QueueTablesVacuumedOften1764300000210';

  async up(runner: QueryRunner): Promise<void> {
    await vacuumQueueTableOften(runner, 'outbox');
  }

  async down(runner: QueryRunner): Promise<void> {
    await vacuumQueueTableByDefault(runner, 'outbox');
  }
}
