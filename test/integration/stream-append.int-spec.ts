import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { newEventId } from '@vigie/contracts';
import type { Outbox } from '@vigie/messaging';
import { waitFor } from '@vigie/testing';
import { WRITE_DISTRIBUTIONS } from '../../apps/notification/src/deliveries/distribution.queries';
import { APPEND_EVENTS } from '../../apps/notification/src/stream/stream-events.queries';
import { STREAM_CHANNEL, StreamLog } from '../../apps/notification/src/stream/stream.log';
import { NOTIFICATION_TABLES } from '../../apps/notification/src/tables';
import { e2eEnv } from '../e2e.env';
import { ownSchema } from './own-schema';

/**
 * The organisations' stream logs against the real PostgreSQL, on a schema of this file's own:
 * several messages appended in one statement take each organisation's next numbers in the order
 * given, a message an organisation already has is skipped, transactions appending for the
 * same organisations side by side leave no gap and no repeated number, and an append is
 * announced only once it committed, by a NOTIFY of its own, or in process when the instance runs
 * alone.
 */

describe('stream appends on the real PostgreSQL', () => {
  const db = ownSchema('stream', NOTIFICATION_TABLES, 6);
  const stream = new StreamLog();
  const prefecture = randomUUID();
  const firm = randomUUID();

  const message = (subjectId: string, organisations: string[], type = 'alert.routed') => ({
    type,
    subjectId,
    entries: organisations.map((organisationId) => ({ organisationId, data: { subjectId } })),
  });
  const logOf = (organisationId: string) =>
    db.dataSource.query<{ seq: string; type: string; subject_id: string }[]>(
      'SELECT seq::text AS seq, type, subject_id FROM stream_events WHERE organisation_id = $1 ORDER BY stream_events.seq',
      [organisationId],
    );

  it("numbers a batch's messages per organisation in the order given, and skips what an organisation already has", async () => {
    const [first, second, third] = [newEventId(), newEventId(), newEventId()];
    await db.dataSource.transaction((manager) =>
      stream.appendAll(manager, [
        message(first, [prefecture, firm]),
        message(second, [prefecture]),
        // The same message twice in one batch (a decision's slices repeat nobody, but a replay may).
        message(first, [prefecture]),
        message(first, [prefecture], 'alert.acknowledged'),
      ]),
    );
    await db.dataSource.transaction((manager) =>
      stream.appendAll(manager, [message(second, [prefecture, firm]), message(third, [firm])]),
    );

    expect(await logOf(prefecture)).toEqual([
      { seq: '1', type: 'alert.routed', subject_id: first },
      { seq: '2', type: 'alert.routed', subject_id: second },
      { seq: '3', type: 'alert.acknowledged', subject_id: first },
    ]);
    expect(await logOf(firm)).toEqual([
      { seq: '1', type: 'alert.routed', subject_id: first },
      { seq: '2', type: 'alert.routed', subject_id: second },
      { seq: '3', type: 'alert.routed', subject_id: third },
    ]);
    expect(await stream.head(db.dataSource.manager, prefecture)).toBe('3');
  });

  it('leaves no gap and no repeated number when transactions append for the same organisations at once', async () => {
    const organisations = [randomUUID(), randomUUID(), randomUUID()];
    // Each transaction names the organisations in another order: the statement locks them in one.
    await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        db.dataSource.transaction((manager) =>
          stream.appendAll(
            manager,
            [0, 1].map(() => message(newEventId(), index % 2 === 0 ? organisations : [...organisations].reverse())),
          ),
        ),
      ),
    );
    for (const organisationId of organisations) {
      const numbers = (await logOf(organisationId)).map((event) => Number(event.seq));
      expect(numbers).toEqual(Array.from({ length: 24 }, (_, index) => index + 1));
    }
  });

  /** Runs `body` while a connection of its own LISTENs to the stream's channel; what it heard, in order. */
  async function hearingStream(body: (heard: string[]) => Promise<void>): Promise<void> {
    const listener = new Client({ connectionString: e2eEnv.databaseUrl });
    const heard: string[] = [];
    listener.on('notification', (message) => heard.push(message.payload ?? ''));
    await listener.connect();
    try {
      await listener.query(`LISTEN ${STREAM_CHANNEL}`);
      await body(heard);
    } finally {
      await listener.end();
    }
  }

  /** An append for the organisation in a transaction that rolls back. */
  const appendRolledBack = (log: StreamLog, organisationId: string) =>
    db.dataSource
      .transaction(async (manager) => {
        await log.appendAll(manager, message(newEventId(), [organisationId]));
        throw new Error('rolled back');
      })
      .catch(() => undefined);

  it('announces the organisations of a committed append after its commit, and nothing of one rolled back', async () => {
    await hearingStream(async (heard) => {
      const [kept, dropped] = [randomUUID(), randomUUID()];
      await appendRolledBack(stream, dropped);
      await db.dataSource.transaction((manager) => stream.appendAll(manager, message(newEventId(), [kept])));
      await waitFor(() => heard.includes(kept), { what: 'the committed append announced', timeoutMs: 10_000 });
      expect(heard).not.toContain(dropped);
    });
  });

  it('wakes this process at commit, and announces nothing, when the instance runs alone', async () => {
    const alone = new StreamLog({ alone: true } as Outbox);
    const woken: string[] = [];
    alone.onLocalAppend((organisations) => woken.push(...organisations));
    await hearingStream(async (heard) => {
      const [kept, dropped] = [randomUUID(), randomUUID()];
      await appendRolledBack(alone, dropped);
      await db.dataSource.transaction(async (manager) => {
        await alone.appendAll(manager, message(newEventId(), [kept]));
        expect(woken).toEqual([]);
      });
      expect(woken).toEqual([kept]);
      // An announcement of the append would be issued at its commit, before this marker.
      await db.dataSource.query('SELECT pg_notify($1, $2)', [STREAM_CHANNEL, 'marker']);
      await waitFor(() => heard.includes('marker'), { what: 'the marker' });
      expect(heard.filter((payload) => [kept, dropped, 'marker'].includes(payload))).toEqual(['marker']);
    });
  });

  // The append alone, and within a distribution's write (ADR 62): the same CTEs.
  it.each([
    { statement: 'the stream append', text: APPEND_EVENTS.text, args: (entries: string) => `'${entries}'` },
    {
      statement: "a distribution's write",
      text: WRITE_DISTRIBUTIONS.text,
      args: (entries: string) => `'[]', '[]', 0, '${entries}', '[]', '[]'`,
    },
  ])(
    'checks what an organisation already has with its unique index in $statement, never by reading the whole table',
    async ({ text, args }) => {
      // A table that was never analysed, as when a service starts: PostgreSQL guesses its size
      // from its pages, and guesses a hundred entries for any JSON array.
      const connection = db.dataSource.createQueryRunner();
      await connection.connect();
      try {
        await connection.query(`PREPARE append_plan AS ${text}`);
        const entries = JSON.stringify([
          { organisation_id: prefecture, type: 'alert.routed', subject_id: newEventId(), data: {}, ord: 0 },
        ]);
        const lines = (await connection.query(`EXPLAIN EXECUTE append_plan(${args(entries)})`)) as {
          'QUERY PLAN': string;
        }[];
        const plan = lines.map((line) => line['QUERY PLAN']).join('\n');
        expect(plan).toMatch(/Index Only Scan using uq_stream_events_subject on stream_events/);
        expect(plan).not.toMatch(/Seq Scan on stream_events/);
      } finally {
        await connection.query('DEALLOCATE append_plan');
        await connection.release();
      }
    },
  );
});
