import type { MigrationInterface } from 'typeorm';
import { migrationSteps } from '@vigie/persistence';

/** An organisation's failing and dead deliveries, newest first (GET /v1/deliveries?state=…). */
export class DeliveriesInTrouble1764400002000 implements MigrationInterface {
  name = 'DeliveriesInTrouble1764400002000';

  up = migrationSteps(
    `CREATE INDEX ix_deliveries_in_trouble ON deliveries (organisation_id, status, created_at DESC, id DESC)
     WHERE status IN ('failed', 'dead')`,
  );

  down = migrationSteps('DROP INDEX ix_deliveries_in_trouble');
}
