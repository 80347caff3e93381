import type { MigrationInterface } from 'typeorm';
import { addOutboxHeaders, dropOutboxHeaders } from '@vigie/messaging';
import { migrationSteps } from '@vigie/persistence';

/** Outbox rows keep the trace context and request id of the work that wrote them. */
export class TraceHeaders1764300000340 implements MigrationInterface {
  name = 'TraceHeaders1764300000340';

  up = migrationSteps(
    addOutboxHeaders,
    // A delivery continues the trace of the alert it carries: its webhook request is a span of it.
    "ALTER TABLE deliveries ADD COLUMN trace_headers jsonb NOT NULL DEFAULT '{}'::jsonb",
  );

  down = migrationSteps('ALTER TABLE deliveries DROP COLUMN trace_headers', dropOutboxHeaders);
}
