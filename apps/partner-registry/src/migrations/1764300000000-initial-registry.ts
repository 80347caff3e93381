import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createOutboxTable, dropOutboxTable } from '@vigie/messaging';

export class InitialRegistry1764300000000 implements MigrationInterface {
  name = 'InitialRegistry1764300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY,
        kind text NOT NULL,
        name text NOT NULL,
        status text NOT NULL,
        departments text[] NOT NULL,
        revision integer NOT NULL,
        status_changed_at timestamptz NOT NULL,
        status_changed_by text NOT NULL,
        status_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX ix_organisations_kind ON organisations (kind)');
    await runner.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        secret_hash text NOT NULL,
        label text,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await runner.query('CREATE INDEX ix_api_keys_organisation ON api_keys (organisation_id)');
    await runner.query(`
      CREATE TABLE departments (
        code text PRIMARY KEY,
        name text NOT NULL,
        prefecture_organisation_id uuid NOT NULL REFERENCES organisations (id)
      )`);
    await createOutboxTable(runner);
  }

  async down(runner: QueryRunner): Promise<void> {
    await dropOutboxTable(runner);
    await runner.query('DROP TABLE departments');
    await runner.query('DROP TABLE api_keys');
    await runner.query('DROP TABLE organisations');
  }
}
