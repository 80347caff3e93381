import type { QueryRunner } from 'typeorm';

/** DDL of the partner directory read model; called from each consuming service's migrations. */
export async function createDirectoryTables(runner: QueryRunner): Promise<void> {
  await runner.query(`
    CREATE TABLE directory_organisations (
      id uuid PRIMARY KEY,
      kind text NOT NULL,
      name text NOT NULL,
      status text NOT NULL,
      departments text[] NOT NULL,
      sector text,
      conventions jsonb NOT NULL DEFAULT '[]',
      subscriptions jsonb NOT NULL DEFAULT '[]',
      revision integer NOT NULL
    )`);
  await runner.query('CREATE INDEX ix_directory_organisations_kind ON directory_organisations (kind)');
  await runner.query(`
    CREATE TABLE directory_api_keys (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES directory_organisations (id) ON DELETE CASCADE,
      secret_hash text NOT NULL,
      roles text[] NOT NULL,
      expires_at timestamptz,
      revoked_at timestamptz
    )`);
  await runner.query('CREATE INDEX ix_directory_api_keys_organisation ON directory_api_keys (organisation_id)');
}

export async function dropDirectoryTables(runner: QueryRunner): Promise<void> {
  await runner.query('DROP TABLE directory_api_keys');
  await runner.query('DROP TABLE directory_organisations');
}
