import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  addOutboxHeaders,
  createInboxTable,
  createOutboxTable,
  MessagingRetention,
  type MessagingOptions,
} from '@vigie/messaging';
import { openServiceDataSource, serviceDataSourceOptions } from '@vigie/persistence';
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
});
