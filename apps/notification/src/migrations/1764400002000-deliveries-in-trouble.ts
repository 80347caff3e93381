import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An organisation's failing and dead deliveries, newest first (GET /v1/deliveries?state=…). */
export class DeliveriesInTrouble1764400002000 implements MigrationInterface {
  name = 'DeliveriesInTrouble1764400002000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE INDEX ix_deliveries_in_trouble ON deliveries (organisation_id, status, created_at DESC, id DESC)
       WHERE status IN ('failed', 'dead')`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX ix_deliveries_in_trouble');
  }
}
