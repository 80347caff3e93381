import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A change to the directory read model or to the rules, which bumps `directory_version`, is also
 * announced on `routing_inputs_<schema>` when it commits: each instance's RoutingDirectory then
 * trusts what it holds until it hears one, instead of reading the version for every batch (ADR 59).
 */
export class RoutingInputsAnnounced1764400070000 implements MigrationInterface {
  name = 'RoutingInputsAnnounced1764400070000';

  async up(runner: QueryRunner): Promise<void> {
    await bumpFunction(runner, true);
  }

  async down(runner: QueryRunner): Promise<void> {
    await bumpFunction(runner, false);
  }
}

async function bumpFunction(runner: QueryRunner, announced: boolean): Promise<void> {
  const [{ schema }] = (await runner.query('SELECT current_schema() AS schema')) as { schema: string }[];
  await runner.query(`
    CREATE OR REPLACE FUNCTION "${schema}".bump_directory_version() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE "${schema}".directory_version SET version = version + 1;
      ${announced ? `PERFORM pg_notify('routing_inputs_${schema}', '');` : ''}
      RETURN NULL;
    END $$`);
}
