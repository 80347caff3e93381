import { randomUUID } from 'node:crypto';
import type { QueryRunner } from 'typeorm';
import { addOutboxHeaders, createOutboxTable, OUTBOX_PUBLISH } from '@vigie/messaging';
import { runPrepared } from '@vigie/persistence';
import { ownSchema } from './own-schema';

/**
 * The relay's publication statement on the real PostgreSQL: it marks the oldest pending rows in
 * position order, only while it holds the schema's relay lock, says whether it held it (ADR 50),
 * and makes its own transaction's commit asynchronous (ADR 44) without touching any other
 * transaction on the connection.
 */

describe('the outbox publication statement', () => {
  const db = ownSchema('outbox', { entities: [], migrations: [] }, 3);
  const lock = () => `vigie.outbox.${db.name}`;

  const setting = async (runner: QueryRunner): Promise<string> =>
    ((await runner.query(`SELECT current_setting('synchronous_commit') AS value`)) as { value: string }[])[0].value;
  /** The round's rows: whether it held the relay lock, and the keys of the rows it marked. */
  const publish = async (runner: QueryRunner, limit: number) => {
    const rows = await runPrepared<{ held: boolean; position: string | null; message_key: string }>(
      runner.manager,
      OUTBOX_PUBLISH,
      [lock(), limit],
    );
    return { held: rows[0].held, keys: rows.filter((row) => row.position !== null).map((row) => row.message_key) };
  };
  const withRunner = async <T>(work: (runner: QueryRunner) => Promise<T>): Promise<T> => {
    const runner = db.dataSource.createQueryRunner();
    await runner.connect();
    try {
      return await work(runner);
    } finally {
      await runner.release();
    }
  };

  beforeAll(async () => {
    await withRunner(async (runner) => {
      await createOutboxTable(runner);
      await addOutboxHeaders(runner);
    });
    for (const key of ['a', 'b', 'c']) {
      await db.dataSource.query(
        `INSERT INTO outbox (id, topic, message_key, envelope) VALUES ($1, 'it.topic.v1', $2, '{}'::jsonb)`,
        [randomUUID(), key],
      );
    }
  });

  it('marks the oldest rows in order and makes only its own commit asynchronous', async () => {
    await withRunner(async (runner) => {
      expect(await setting(runner)).toBe('on');
      await runner.startTransaction();
      expect(await publish(runner, 2)).toEqual({ held: true, keys: ['a', 'b'] });
      expect(await setting(runner)).toBe('off');
      await runner.commitTransaction();
      // The next transaction on the same connection commits synchronously again.
      expect(await setting(runner)).toBe('on');
    });
    const pending = await db.dataSource.query<{ message_key: string }[]>(
      'SELECT message_key FROM outbox WHERE published_at IS NULL ORDER BY position',
    );
    expect(pending.map((row) => row.message_key)).toEqual(['c']);
  });

  it('selects nothing and says so while another transaction holds the relay lock, and leaves a rolled-back mark pending', async () => {
    await withRunner(async (holder) => {
      await holder.startTransaction();
      await holder.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lock()]);
      await withRunner(async (runner) => {
        await runner.startTransaction();
        expect(await publish(runner, 10)).toEqual({ held: false, keys: [] });
        await runner.rollbackTransaction();
      });
      await holder.rollbackTransaction();
    });
    await withRunner(async (runner) => {
      await runner.startTransaction();
      expect(await publish(runner, 10)).toEqual({ held: true, keys: ['c'] });
      // A send that failed: the transaction rolls back, the row stays pending, the setting with it.
      await runner.rollbackTransaction();
      expect(await setting(runner)).toBe('on');
    });
    const pending = await db.dataSource.query<{ n: string }[]>(
      'SELECT count(*)::text AS n FROM outbox WHERE published_at IS NULL',
    );
    expect(pending[0].n).toBe('1');
  });
});
