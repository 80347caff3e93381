import type { QueryRunner } from 'typeorm';

/** One step of a migration: an SQL statement, or a function that runs its own (e.g. `createInboxTable`). */
export type MigrationStep = string | ((runner: QueryRunner) => Promise<unknown>);

/**
 * The `up` or the `down` of a migration that runs its steps one after the other, in their order,
 * so that a migration reads as the list of its SQL statements:
 *
 *   export class Example1764300000000 implements MigrationInterface {
 *     name = 'Example1764300000000';
 *     up = migrationSteps('CREATE TABLE example (id uuid PRIMARY KEY)');
 *     down = migrationSteps('DROP TABLE example');
 *   }
 *
 * TypeORM records an applied migration by its `name`: keep the class name and `name` as they are.
 */
export function migrationSteps(...steps: MigrationStep[]): (runner: QueryRunner) => Promise<void> {
  return async (runner) => {
    for (const step of steps) {
      if (typeof step === 'string') {
        await runner.query(step);
      } else {
        await step(runner);
      }
    }
  };
}
