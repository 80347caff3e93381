import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createInboxTable, dropInboxTable } from '@vigie/messaging';

/**
 * Reads in the audit trail (ADR 42): each entry is a change or a read; a read reported by another
 * service carries its event's id, unique, so a redelivered event writes one entry. The registry
 * now consumes events, hence its inbox.
 */
export class AuditedReads1764400042000 implements MigrationInterface {
  name = 'AuditedReads1764400042000';

  async up(runner: QueryRunner): Promise<void> {
    await createInboxTable(runner);
    await runner.query(
      `ALTER TABLE audit_log ADD COLUMN kind text NOT NULL DEFAULT 'change' CHECK (kind IN ('change', 'read'))`,
    );
    await runner.query('ALTER TABLE audit_log ADD COLUMN event_id uuid');
    await runner.query('CREATE UNIQUE INDEX ux_audit_log_event ON audit_log (event_id) WHERE event_id IS NOT NULL');
    await runner.query('CREATE INDEX ix_audit_log_kind ON audit_log (kind, id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX ix_audit_log_kind');
    await runner.query('DROP INDEX ux_audit_log_event');
    await runner.query('ALTER TABLE audit_log DROP COLUMN event_id');
    await runner.query('ALTER TABLE audit_log DROP COLUMN kind');
    await dropInboxTable(runner);
  }
}
