import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  addOutboxHeaders,
  createInboxTable,
  createOutboxTable,
  MessagingRetention,
  QueueVacuum,
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
    const vacuumFrom = (deadRows: number): QueueVacuum =>
      new QueueVacuum(dataSource, {
        schema,
        vacuum: { intervalMs: 0, deadRows, tables: ['outbox', 'handled_events'] },
      } as MessagingOptions);
    await dataSource.query(
      `INSERT INTO outbox (id, topic, message_key, envelope)
       SELECT gen_random_uuid(), 'it.vacuum.v1', 'k', '{}' FROM generate_series(1, 500)`,
    );
    await dataSource.query('UPDATE outbox SET published_at = now()');
    await waitFor(async () => (await stats()).dead >= 100, { what: 'the statistics to count dead rows' });
    const { dead } = await stats();

    // Fewer dead rows than the threshold: nothing to do.
    expect(await vacuumFrom(dead + 1).round()).toEqual([]);
    expect((await stats()).vacuums).toBe(0);

    expect(await vacuumFrom(dead).round()).toEqual(['outbox']);
    await waitFor(async () => (await stats()).vacuums === 1, { what: 'the vacuum to be counted' });
    await waitFor(async () => (await stats()).dead === 0, { what: 'no dead row left' });
  });

  it('refuses a queue table name that is not a plain identifier', () => {
    expect(
      () =>
        new QueueVacuum(
          {} as DataSource,
          {
            schema: 's',
            vacuum: { intervalMs: 0, deadRows: 1, tables: ['outbox; DROP TABLE alerts'] },
          } as MessagingOptions,
        ),
    ).toThrow(/plain names/);
  });
});
