import type { MigrationInterface } from 'typeorm';
import { migrationSteps } from '@vigie/persistence';

/** Time to acknowledge reads the escalations armed in a period (ADR 36). */
export class EscalationsByCreation1764400036000 implements MigrationInterface {
  name = 'EscalationsByCreation1764400036000';

  up = migrationSteps('CREATE INDEX ix_escalations_created ON escalations (created_at)');

  down = migrationSteps('DROP INDEX ix_escalations_created');
}
