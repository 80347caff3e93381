import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  addOutboxHeaders,
  createInboxTable,
  createOutboxTable,
  MessagingRetention,
  TableUpkeep,
  type MessagingOptions,
} from '@vigie/messaging';
import { openServiceDataSource, serviceDataSourceOptions } from '@vigie/persistence';
import { waitFor } from '../../libs/testing/src';
import { e2eEnv } from '../e2e.env';

/**
 * The retention sweep of the messaging tables on the real PostgreSQL: what it deletes, what it
 * keeps, and a service without an inbox (it consumes nothing, as the registry) swept all the same.
 */

const NO_TABLES = { entities: [], migrations: [] };
const retention = { outboxSeconds: 60, handledEventsSeconds: 60, sweepIntervalMs: 3_600_000 };

async function schemaWith(withInbox: boolean): Promise<DataSource> {
  const schema = `it_retention_${randomUUID().slice(0, 8)}`;
  const dataSource = await openServiceDataSource(
    serviceDataSourceOptions({ url: e2eEnv.databaseUrl, schema, poolSize: 2 }, NO_TABLES),
  );
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await createOutboxTable(runner);
    await addOutboxHeaders(runner);
    if (withInbox) await createInboxTable(runner);
  } finally {
    await runner.release();
  }
  return dataSource;
}

async function outboxRow(dataSource: DataSource, publishedAgo: string | null): Promise<string> {
  const id = randomUUID();
  await dataSource.query(
    `INSERT INTO outbox (id, topic, message_key, envelope, created_at, published_at)
     VALUES ($1, 'it.retention.v1', 'k', '{}', now() - interval '1 day', now() - $2::interval)`,
    [id, publishedAgo],
  );
  return id;
}

function upkeep(dataSource: DataSource, deadRows: number): TableUpkeep {
  return new TableUpkeep(dataSource, {
    schema: dataSource.driver.schema!,
    vacuum: { intervalMs: 0, deadRows, tables: ['outbox', 'handled_events'] },
  } as MessagingOptions);
}

describe('messaging retention on the real PostgreSQL', () => {
  const opened: DataSource[] = [];

  afterAll(async () => {
    for (const dataSource of opened) {
      await dataSource.query(`DROP SCHEMA "${dataSource.driver.schema!}" CASCADE`);
      await dataSource.destroy();
    }
  });

  it.each([true, false])(
    'deletes published rows past their retention and keeps the rest (inbox table: %s)',
    async (withInbox) => {
      const dataSource = await schemaWith(withInbox);
      opened.push(dataSource);
      const old = await outboxRow(dataSource, '2 minutes');
      const recent = await outboxRow(dataSource, '10 seconds');
      const unpublished = await outboxRow(dataSource, null);
      if (withInbox) {
        await dataSource.query(
          `INSERT INTO handled_events (event_id, consumer, handled_at) VALUES ($1, 'c', now() - interval '2 minutes'), ($2, 'c', now())`,
          [randomUUID(), randomUUID()],
        );
      }
      const sweeper = new MessagingRetention(dataSource, { retention } as MessagingOptions);

      expect(await sweeper.sweep()).toBe(withInbox ? 2 : 1);
      const left = await dataSource.query<{ id: string }[]>('SELECT id FROM outbox ORDER BY id');
      expect(left.map((row) => row.id).sort()).toEqual([recent, unpublished].sort());
      expect(old).not.toBe(recent);
      if (withInbox) expect(await dataSource.query('SELECT 1 FROM handled_events')).toHaveLength(1);
    },
  );

  it('vacuums a queue table once it holds enough dead rows, with autovacuum or without', async () => {
    const dataSource = await schemaWith(true);
    opened.push(dataSource);
    const schema = dataSource.driver.schema!;
    // Autovacuum must not do it in our place: the table says so, whatever the server does.
    await dataSource.query('ALTER TABLE outbox SET (autovacuum_enabled = false)');
    const stats = async (): Promise<{ dead: number; vacuums: number }> => {
      const [row] = await dataSource.query<{ dead: number; vacuums: number }[]>(
        `SELECT n_dead_tup::int AS dead, vacuum_count::int AS vacuums FROM pg_stat_user_tables
         WHERE schemaname = $1 AND relname = 'outbox'`,
        [schema],
      );
      return row;
    };
    const vacuumFrom = (deadRows: number): TableUpkeep => upkeep(dataSource, deadRows);
    await dataSource.query(
      `INSERT INTO outbox (id, topic, message_key, envelope)
       SELECT gen_random_uuid(), 'it.vacuum.v1', 'k', '{}' FROM generate_series(1, 500)`,
    );
    await dataSource.query('UPDATE outbox SET published_at = now()');
    await waitFor(async () => (await stats()).dead >= 100, { what: 'the statistics to count dead rows' });
    const { dead } = await stats();

    // Fewer dead rows than the threshold: nothing to vacuum.
    expect((await vacuumFrom(dead + 1).round()).vacuumed).toEqual([]);
    expect((await stats()).vacuums).toBe(0);

    expect((await vacuumFrom(dead).round()).vacuumed).toEqual(['outbox']);
    await waitFor(async () => (await stats()).vacuums === 1, { what: 'the vacuum to be counted' });
    await waitFor(async () => (await stats()).dead === 0, { what: 'no dead row left' });
  });

  it('analyses a table that grew, so that a plan cached while it was empty is made again', async () => {
    const dataSource = await schemaWith(true);
    opened.push(dataSource);
    await dataSource.query('ALTER TABLE outbox SET (autovacuum_enabled = false)');
    // One connection, as a service's pool keeps them: its prepared statement keeps its plan.
    const connection = dataSource.createQueryRunner();
    await connection.connect();
    try {
      await connection.query(
        `PREPARE unseen(jsonb) AS SELECT count(*) FROM jsonb_to_recordset($1) AS e(id uuid)
         WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.id = e.id)`,
      );
      // A literal, as EXECUTE takes no bound parameter: a JSON array of one generated id.
      const execute = `EXECUTE unseen('${JSON.stringify([{ id: randomUUID() }])}')`;
      // Past five executions PostgreSQL settles on a generic plan, made here on an empty table.
      for (let run = 0; run < 6; run += 1) await connection.query(execute);
      const plan = async (): Promise<string> =>
        ((await connection.query(`EXPLAIN ${execute}`)) as { 'QUERY PLAN': string }[])
          .map((line) => line['QUERY PLAN'])
          .join('\n');
      expect(await upkeep(dataSource, 1_000_000).round()).toEqual({ vacuumed: [], analysed: [] });

      await dataSource.query(
        `INSERT INTO outbox (id, topic, message_key, envelope)
         SELECT gen_random_uuid(), 'it.analyse.v1', 'k', '{}' FROM generate_series(1, 20000)`,
      );
      // The table grew, the cached plan still reads all of it.
      expect(await plan()).toMatch(/Seq Scan on outbox/);

      await waitFor(async () => (await upkeep(dataSource, 1_000_000).round()).analysed.includes('outbox'), {
        what: 'the grown outbox to be analysed',
      });
      expect(await plan()).not.toMatch(/Seq Scan on outbox/);
      expect(await plan()).toMatch(/Index (Only )?Scan using \w+ on outbox/);
      // Analysed: not due again until it doubles.
      expect((await upkeep(dataSource, 1_000_000).round()).analysed).not.toContain('outbox');
    } finally {
      await connection.release();
    }
  });

  it('refuses a queue table name that is not a plain identifier', () => {
    expect(
      () =>
        new TableUpkeep(
          {} as DataSource,
          {
            schema: 's',
            vacuum: { intervalMs: 0, deadRows: 1, tables: ['outbox; DROP TABLE alerts'] },
          } as MessagingOptions,
        ),
    ).toThrow(/plain names/);
  });
});
