import type { MigrationInterface } from 'typeorm';
import { migrationSteps } from '@vigie/persistence';
import { dropOutboxNotify, restoreOutboxNotify } from '../messaging.tables';

/**
 * The same step in every service's schema (each lists it among its migrations): the outbox's
 * insert trigger stops NOTIFYing, since the relay is woken by its own process at commit (ADR 50).
 */
export class OutboxWithoutNotify1764400060000 implements MigrationInterface {
  name = 'OutboxWithoutNotify1764400060000';

  up = migrationSteps(dropOutboxNotify);

  down = migrationSteps(restoreOutboxNotify);
}
