import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The escalations board reads the armed escalations oldest first, a keyset page at a time (ADR 40). */
export class OpenEscalationsOldestFirst1764400040000 implements MigrationInterface {
  name = 'OpenEscalationsOldestFirst1764400040000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query("CREATE INDEX ix_escalations_open ON escalations (created_at, id) WHERE status = 'armed'");
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX ix_escalations_open');
  }
}
