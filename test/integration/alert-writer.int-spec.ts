import { randomUUID } from 'node:crypto';
import { AlertSubmittedV1, type AlertSnapshot } from '@vigie/contracts';
import { Outbox, type KafkaSettings } from '@vigie/messaging';
import { alertSnapshot } from '@vigie/testing';
import { AlertWriter, type AlertWrite } from '../../apps/alert-ingestion/src/alerts/alert.writer';
import { Idempotency } from '../../apps/alert-ingestion/src/idempotency/idempotent-submission';
import { INGESTION_TABLES } from '../../apps/alert-ingestion/src/tables';

import { ownSchema } from './own-schema';

/**
 * Ingestion's group commit against the real PostgreSQL, on a schema of this file's own: new
 * alerts submitted together share transactions, each keeps its own answer, and one that cannot
 * be stored fails alone.
 */

const SENDER = randomUUID();
const snapshot = (alertId?: string): AlertSnapshot => alertSnapshot(SENDER, { alertId });

describe('ingestion group commit on the real PostgreSQL', () => {
  const db = ownSchema('ingestion', INGESTION_TABLES, 4);
  let outbox: Outbox;
  let writer: AlertWriter;

  const write = (alert: AlertSnapshot, key?: string, body: unknown = { alert: alert.alertId }): AlertWrite => ({
    snapshot: alert,
    idempotency: Idempotency.of(key, 'POST /v1/alerts', body),
    event: outbox.prepare({ definition: AlertSubmittedV1, key: alert.originalAlertId, payload: { alert } }),
  });
  const count = async (sql: string, values: unknown[] = []): Promise<number> =>
    Number((await db.dataSource.query<{ n: string }[]>(sql, values))[0].n);

  beforeAll(async () => {
    outbox = new Outbox({ clientId: 'it-ingestion' } as KafkaSettings);
    writer = new AlertWriter(db.dataSource, outbox);
  });

  it('stores a burst in fewer transactions than alerts, each alert with its event, in submission order within each', async () => {
    const alerts = Array.from({ length: 40 }, () => snapshot());
    const outcomes = await Promise.all(alerts.map((alert) => writer.storeNew(write(alert))));

    expect(outcomes).toEqual(alerts.map(() => 'created'));
    const ids = alerts.map((alert) => alert.alertId);
    expect(await count('SELECT count(*) AS n FROM alerts WHERE id = ANY($1)', [ids])).toBe(40);
    const events = await db.dataSource.query<{ alert_id: string; transaction: string }[]>(
      `SELECT envelope->'payload'->'alert'->>'alertId' AS alert_id, xmin::text AS transaction
       FROM outbox WHERE message_key = ANY($1) ORDER BY position`,
      [ids],
    );
    expect(events.map((event) => event.alert_id).sort()).toEqual([...ids].sort());
    // xmin: the transaction that wrote the row.
    const transactions = new Map<string, string[]>();
    for (const event of events) {
      transactions.set(event.transaction, [...(transactions.get(event.transaction) ?? []), event.alert_id]);
    }
    expect(transactions.size).toBeLessThan(40);
    for (const written of transactions.values()) {
      expect(written).toEqual(ids.filter((id) => written.includes(id)));
    }
  });

  it('answers the second of two requests with one Idempotency-Key as a replay, even in one batch', async () => {
    const key = `key-${randomUUID()}`;
    const [first, second] = [snapshot(), snapshot()];
    const outcomes = await Promise.all([
      writer.storeNew(write(snapshot())),
      writer.storeNew(write(first, key, { same: true })),
      writer.storeNew(write(second, key, { same: true })),
    ]);

    expect(outcomes.slice(1).sort()).toEqual(['created', 'replayed']);
    const stored = await db.dataSource.query<{ alert_id: string }[]>(
      'SELECT alert_id FROM idempotency_keys WHERE organisation_id = $1 AND key = $2',
      [SENDER, key],
    );
    expect(stored).toHaveLength(1);
    const created = outcomes[1] === 'created' ? first : second;
    expect(stored[0].alert_id).toBe(created.alertId.toLowerCase());
    expect(await count('SELECT count(*) AS n FROM alerts WHERE id = ANY($1)', [[first.alertId, second.alertId]])).toBe(
      1,
    );
  });

  it('fails only the alert that cannot be stored when its batch fails', async () => {
    const taken = snapshot();
    await writer.storeNew(write(taken));
    const others = Array.from({ length: 10 }, () => snapshot());
    const results = await Promise.allSettled([
      ...others.slice(0, 5).map((alert) => writer.storeNew(write(alert))),
      // Same id as an alert already stored: the primary key refuses it.
      writer.storeNew(write(snapshot(taken.alertId))),
      ...others.slice(5).map((alert) => writer.storeNew(write(alert))),
    ]);

    expect(results.map((result) => result.status)).toEqual([
      ...Array(5).fill('fulfilled'),
      'rejected',
      ...Array(5).fill('fulfilled'),
    ]);
    const ids = others.map((alert) => alert.alertId);
    expect(await count('SELECT count(*) AS n FROM alerts WHERE id = ANY($1)', [ids])).toBe(10);
    expect(await count('SELECT count(*) AS n FROM outbox WHERE message_key = $1', [taken.alertId])).toBe(1);
  });

  it('stores an alert, its key and its event all or nothing: an event that cannot be written leaves no alert and frees the key', async () => {
    const first = write(snapshot());
    await writer.storeNew(first);
    const key = `key-${randomUUID()}`;
    const alert = snapshot();
    // The event's id is taken already: the outbox's primary key refuses it, so the statement fails as a whole.
    const clash = { ...write(alert, key), event: { ...first.event, key: alert.originalAlertId } };

    await expect(writer.storeNew(clash)).rejects.toThrow(/duplicate key/);
    expect(await count('SELECT count(*) AS n FROM alerts WHERE id = $1', [alert.alertId])).toBe(0);
    expect(await count('SELECT count(*) AS n FROM idempotency_keys WHERE key = $1', [key])).toBe(0);
    expect(await writer.storeNew(write(alert, key))).toBe('created');
    const [row] = await db.dataSource.query<{ alert: string; event: string }[]>(
      `SELECT a.xmin::text AS alert, o.xmin::text AS event
       FROM alerts a JOIN outbox o ON o.message_key = a.original_alert_id::text WHERE a.id = $1`,
      [alert.alertId],
    );
    expect(row.alert).toBe(row.event);
  });
});
