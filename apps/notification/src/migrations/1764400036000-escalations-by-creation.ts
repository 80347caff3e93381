import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Time to acknowledge reads the escalations armed in a period (ADR 36). */
export class EscalationsByCreation1764400036000 implements MigrationInterface {
  name = 'EscalationsByCreation1764400036000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE INDEX ix_escalations_created ON escalations (created_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX ix_escalations_created');
  }
}
