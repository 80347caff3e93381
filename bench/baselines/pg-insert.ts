import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { now } from '../load/clock';

export interface PgInsertResult {
  connections: number;
  seconds: number;
  transactions: number;
  perSecond: number;
}

interface StoredAlert {
  row: Record<string, unknown>;
  envelope: string;
}

const ALERT_COLUMNS = [
  'sender_organisation_id',
  'sent',
  'status',
  'msg_type',
  'department',
  'event_code',
  'severity',
  'tlp',
  'personal_data',
  'snapshot',
  // What a CAP reference is matched on (ADR 23).
  'identifier',
  'declared_sender_digest',
  'declared_sent',
];

/**
 * The PostgreSQL baseline: the rows ingestion writes for one alert (the alert and its outbox
 * event, copied from alerts the bench sent, with their indexes; no NOTIFY, as in Vigie, ADR 50), inserted
 * through `pg` in one transaction per alert, as fast as `connections` connections go — the
 * size of a service's pool. Same database, same durability (synchronous commit).
 */
export async function measurePgInserts(
  databaseUrl: string,
  options: { connections: number; seconds: number },
): Promise<PgInsertResult> {
  const pool = new Pool({ connectionString: databaseUrl, max: options.connections });
  try {
    await pool.query('CREATE SCHEMA IF NOT EXISTS bench_baseline');
    await pool.query('DROP TABLE IF EXISTS bench_baseline.alerts, bench_baseline.outbox');
    await pool.query('CREATE TABLE bench_baseline.alerts (LIKE ingestion.alerts INCLUDING ALL)');
    await pool.query('CREATE TABLE bench_baseline.outbox (LIKE ingestion.outbox INCLUDING ALL)');
    const samples = (
      (await pool.query(
        `SELECT to_jsonb(a) AS row, o.envelope::text AS envelope FROM ingestion.alerts a
         JOIN ingestion.outbox o ON o.message_key = a.id::text LIMIT 100`,
      )) as { rows: StoredAlert[] }
    ).rows;
    if (samples.length === 0) throw new Error('no alert stored by Vigie to copy: run the latency phase first');

    let transactions = 0;
    const started = now();
    const deadline = started + options.seconds * 1000;
    await Promise.all(
      Array.from({ length: options.connections }, async (_, worker) => {
        const client = await pool.connect();
        try {
          for (let i = worker; now() < deadline; i += options.connections) {
            const sample = samples[i % samples.length];
            const id = randomUUID();
            await client.query('BEGIN');
            await client.query(
              `INSERT INTO bench_baseline.alerts (id, original_alert_id, ${ALERT_COLUMNS.join(', ')})
               VALUES ($1, $1, ${ALERT_COLUMNS.map((_, index) => `$${index + 2}`).join(', ')})`,
              [id, ...ALERT_COLUMNS.map((column) => sample.row[column])],
            );
            await client.query(
              'INSERT INTO bench_baseline.outbox (id, topic, message_key, envelope) VALUES ($1, $2, $3, $4)',
              [randomUUID(), 'alert.submitted.v1', id, sample.envelope],
            );
            await client.query('COMMIT');
            transactions += 1;
          }
        } finally {
          client.release();
        }
      }),
    );
    const seconds = (now() - started) / 1000;
    return {
      connections: options.connections,
      seconds: Math.round(seconds * 10) / 10,
      transactions,
      perSecond: Math.round(transactions / seconds),
    };
  } finally {
    await pool.end();
  }
}
