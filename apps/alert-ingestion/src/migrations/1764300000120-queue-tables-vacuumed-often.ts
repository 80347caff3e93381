import type { MigrationInterface } from 'typeorm';
import { vacuumQueueTableByDefault, vacuumQueueTableOften } from '@vigie/messaging';
import { migrationSteps } from '@vigie/persistence';

/** The queue tables are vacuumed after a few hundred dead rows (see vacuumQueueTableOften). */
export class QueueTablesVacuumedOften1764300000120 implements MigrationInterface {
  name = 'QueueTablesVacuumedOften1764300000120';

  up = migrationSteps((runner) => vacuumQueueTableOften(runner, 'outbox'));

  down = migrationSteps((runner) => vacuumQueueTableByDefault(runner, 'outbox'));
}
