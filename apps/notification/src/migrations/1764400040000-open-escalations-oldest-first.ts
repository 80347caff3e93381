import type { MigrationInterface } from 'typeorm';
import { migrationSteps } from '@vigie/persistence';

/** The escalations board reads the armed escalations oldest first, a keyset page at a time (ADR 40). */
export class OpenEscalationsOldestFirst1764400040000 implements MigrationInterface {
  name = 'OpenEscalationsOldestFirst1764400040000';

  up = migrationSteps("CREATE INDEX ix_escalations_open ON escalations (created_at, id) WHERE status = 'armed'");

  down = migrationSteps('DROP INDEX ix_escalations_open');
}
