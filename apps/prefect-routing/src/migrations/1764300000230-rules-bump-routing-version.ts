import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Routing keeps the enabled rules in memory beside the directory (RoutingDirectory): a change
 * to the rules bumps the same version as a change to the directory, so an alert routed after
 * it reads them again.
 */
export class RulesBumpRoutingVersion1764300000230 implements MigrationInterface {
  name = 'RulesBumpRoutingVersion1764300000230';

  async up(runner: QueryRunner): Promise<void> {
    const [{ schema }] = (await runner.query('SELECT current_schema() AS schema')) as { schema: string }[];
    await runner.query(`
      CREATE TRIGGER rules_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON routing_rules
      FOR EACH STATEMENT EXECUTE FUNCTION "${schema}".bump_directory_version()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TRIGGER rules_changed ON routing_rules');
  }
}
