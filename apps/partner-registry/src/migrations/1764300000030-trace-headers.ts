import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addOutboxHeaders, dropOutboxHeaders } from '@vigie/messaging';

/** Outbox rows keep the trace context and request id of the work that wrote them. */
export class TraceHeaders1764300000030 implements MigrationInterface {
  name = 'TraceHeaders1764300000030';

  async up(runner: QueryRunner): Promise<void> {
    await addOutboxHeaders(runner);
  }

  async down(runner: QueryRunner): Promise<void> {
    await dropOutboxHeaders(runner);
  }
}
