import type { QueryRunner } from 'typeorm';

/**
 * DDL of the outbox and inbox each service keeps in its own schema. Services call these
 * from their own migrations so every schema change stays in a migration.
 */
export async function createOutboxTable(runner: QueryRunner): Promise<void> {
  await runner.query(`
    CREATE TABLE outbox (
      id uuid PRIMARY KEY,
      position bigint GENERATED ALWAYS AS IDENTITY,
      topic text NOT NULL,
      message_key text NOT NULL,
      envelope jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz
    )`);
  await runner.query('CREATE INDEX ix_outbox_pending ON outbox (position) WHERE published_at IS NULL');
  // Its NOTIFY trigger as first created (dropped since by each service's migration, ADR 50).
  await restoreOutboxNotify(runner);
}

/** Each outbox row's trace context and request id, sent as Kafka headers (see Outbox). */
export async function addOutboxHeaders(runner: QueryRunner): Promise<void> {
  await runner.query(`ALTER TABLE outbox ADD COLUMN headers jsonb NOT NULL DEFAULT '{}'::jsonb`);
}

export async function dropOutboxHeaders(runner: QueryRunner): Promise<void> {
  await runner.query('ALTER TABLE outbox DROP COLUMN headers');
}

export async function dropOutboxTable(runner: QueryRunner): Promise<void> {
  await runner.query('DROP TABLE outbox');
  await runner.query('DROP FUNCTION outbox_notify()');
}

/**
 * The outbox's insert trigger no longer NOTIFYs: a commit that NOTIFYs takes a lock every
 * other NOTIFYing commit of the server waits for, held through its WAL flush. The process that
 * wrote the rows wakes its relay itself when its transaction commits (ADR 50).
 */
export async function dropOutboxNotify(runner: QueryRunner): Promise<void> {
  await runner.query('DROP TRIGGER tr_outbox_notify ON outbox');
  await runner.query('DROP FUNCTION outbox_notify()');
}

export async function restoreOutboxNotify(runner: QueryRunner): Promise<void> {
  await runner.query(`
    CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('outbox_' || TG_TABLE_SCHEMA, '');
      RETURN NULL;
    END $$`);
  await runner.query(
    'CREATE TRIGGER tr_outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()',
  );
}

export async function createInboxTable(runner: QueryRunner): Promise<void> {
  await runner.query(`
    CREATE TABLE handled_events (
      event_id uuid NOT NULL,
      consumer text NOT NULL,
      handled_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_handled_events PRIMARY KEY (event_id, consumer)
    )`);
}

export async function dropInboxTable(runner: QueryRunner): Promise<void> {
  await runner.query('DROP TABLE handled_events');
}

/**
 * Queue tables (the outbox, deliveries) see every row inserted, updated once or twice and then
 * left alone. Their pending-row indexes keep an entry for each dead row version until vacuum
 * removes it, and every poll pays for those entries; by default autovacuum waits for a fifth of
 * the table to be dead. These tables are vacuumed once a few hundred rows are.
 */
export async function vacuumQueueTableOften(runner: QueryRunner, table: string): Promise<void> {
  await runner.query(
    `ALTER TABLE ${table} SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 500, autovacuum_vacuum_cost_delay = 0)`,
  );
}

export async function vacuumQueueTableByDefault(runner: QueryRunner, table: string): Promise<void> {
  await runner.query(
    `ALTER TABLE ${table} RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_threshold, autovacuum_vacuum_cost_delay)`,
  );
}
