import type { MigrationInterface } from 'typeorm';
import { addOutboxHeaders, dropOutboxHeaders } from '@vigie/messaging';
import { migrationSteps } from '@vigie/persistence';

/** Outbox rows keep the trace context and request id of the work that wrote them. */
export class TraceHeaders1764300000130 implements MigrationInterface {
  name = 'TraceHeaders1764300000130';

  up = migrationSteps(addOutboxHeaders);

  down = migrationSteps(dropOutboxHeaders);
}
