import type { DataSource, EntityManager } from 'typeorm';

/** A statement run often enough that PostgreSQL should parse and plan it once per connection. */
export interface PreparedStatement {
  /** Unique in the service: the name the statement is prepared under on each connection. */
  name: string;
  text: string;
}

interface PgQueryable {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Runs a hot-path statement as a named prepared statement through the `pg` connection TypeORM
 * holds: the caller's transaction when given an entity manager inside one, else the pool.
 * PostgreSQL then skips parsing and, after a few runs, planning, which for the queue queries
 * costs more than executing them. Rows come back as `pg` returns them, whatever the command.
 */
export async function runPrepared<R>(
  on: DataSource | EntityManager,
  statement: PreparedStatement,
  values: unknown[],
): Promise<R[]> {
  const manager = 'manager' in on ? on.manager : on;
  const runner = manager.queryRunner as unknown as { databaseConnection?: PgQueryable } | undefined;
  const connection =
    runner?.databaseConnection ?? (manager.connection.driver as unknown as { master: PgQueryable }).master;
  const result = await connection.query({ name: statement.name, text: statement.text, values });
  return result.rows as R[];
}
