import type { MigrationInterface } from 'typeorm';
import { migrationSteps } from '@vigie/persistence';

/**
 * The audit trail filtered by person and by object: the acting person in a column of its own
 * (read from the actor of earlier entries), and indexes for each filter, newest first.
 */
export class AuditFilters1764400002010 implements MigrationInterface {
  name = 'AuditFilters1764400002010';

  up = migrationSteps(
    'ALTER TABLE audit_log ADD COLUMN person_id uuid',
    `UPDATE audit_log SET person_id = substring(actor FROM '/person:([0-9a-f-]{36}) ')::uuid
     WHERE actor ~ '/person:[0-9a-f-]{36} '`,
    'CREATE INDEX ix_audit_log_person ON audit_log (person_id, id) WHERE person_id IS NOT NULL',
    'CREATE INDEX ix_audit_log_object ON audit_log (entity, entity_id, id)',
    'CREATE INDEX ix_audit_log_at ON audit_log (at)',
  );

  down = migrationSteps(
    'DROP INDEX ix_audit_log_at',
    'DROP INDEX ix_audit_log_object',
    'DROP INDEX ix_audit_log_person',
    'ALTER TABLE audit_log DROP COLUMN person_id',
  );
}
