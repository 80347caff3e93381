import type { MigrationInterface } from 'typeorm';
import { createInboxTable, dropInboxTable } from '@vigie/messaging';
import { migrationSteps } from '@vigie/persistence';

/**
 * Reads in the audit trail (ADR 42): each entry is a change or a read; a read reported by another
 * service carries its event's id, unique, so a redelivered event writes one entry. The registry
 * now consumes events, hence its inbox.
 */
export class AuditedReads1764400042000 implements MigrationInterface {
  name = 'AuditedReads1764400042000';

  up = migrationSteps(
    createInboxTable,
    `ALTER TABLE audit_log ADD COLUMN kind text NOT NULL DEFAULT 'change' CHECK (kind IN ('change', 'read'))`,
    'ALTER TABLE audit_log ADD COLUMN event_id uuid',
    'CREATE UNIQUE INDEX ux_audit_log_event ON audit_log (event_id) WHERE event_id IS NOT NULL',
    'CREATE INDEX ix_audit_log_kind ON audit_log (kind, id)',
  );

  down = migrationSteps(
    'DROP INDEX ix_audit_log_kind',
    'DROP INDEX ux_audit_log_event',
    'ALTER TABLE audit_log DROP COLUMN event_id',
    'ALTER TABLE audit_log DROP COLUMN kind',
    dropInboxTable,
  );
}
