import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addOutboxHeaders, dropOutboxHeaders } from '@vigie/messaging';

/** Outbox rows keep the trace context and request id of the work that wrote them. */
export class TraceHeaders1764300000340 implements MigrationInterface {
  name = 'TraceHeaders1764300000340';

  async up(runner: QueryRunner): Promise<void> {
    await addOutboxHeaders(runner);
    // A delivery continues the trace of the alert it carries: its webhook request is a span of it.
    await runner.query("ALTER TABLE deliveries ADD COLUMN trace_headers jsonb NOT NULL DEFAULT '{}'::jsonb");
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE deliveries DROP COLUMN trace_headers');
    await dropOutboxHeaders(runner);
  }
}
