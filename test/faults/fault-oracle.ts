import type { Admin } from 'kafkajs';
import { Client } from 'pg';
import { Topics } from '@vigie/contracts';
import { readTopic, recordReliability, waitFor, type ReliabilityRow } from '@vigie/testing';
import { e2eEnv } from '../e2e.env';
import { testKafkaConfig } from '../test-stack';
import type { AlertStream } from './alert-stream';
import { consumerBacklog, faultKafka } from './consumer-groups';
import { tally, type Tally } from './delivery-tally';
import { receiptsOf, type FaultWorld } from './fault-world';

/** The topics ingestion publishes alerts, updates and cancellations on. */
const INPUT_TOPICS = [Topics.AlertSubmittedV1, Topics.AlertUpdatedV1, Topics.AlertCancelledV1];

export interface OracleOptions {
  scenario: string;
  world: FaultWorld;
  streams: AlertStream[];
  /** What the scenario did, for the table. */
  notes: string;
  /** How long accepted messages may take to reach every recipient after the stream ends. */
  deliveryTimeoutMs?: number;
}

export interface Verdict extends ReliabilityRow, Pick<Tally, 'byStage' | 'problems'> {
  /** Work left undone once the deadline passed: outbox rows, deliveries, consumer backlog. */
  pending: string[];
  /** Messages the clients gave up on. */
  refused: string[];
}

/**
 * The oracle every fault scenario ends with. Once the streams are done it waits until every
 * message answered 201 has reached every recipient's webhook and nothing is left to do
 * (unpublished outbox rows, unfinished deliveries, unconsumed messages), then counts, per
 * message, what ingestion stored, what was published on Kafka and what each webhook received
 * (see delivery-tally.ts for what counts as a transport duplicate and as a duplicate effect),
 * and records one row of the reliability table. The caller asserts on the verdict.
 */
export async function settle(options: OracleOptions): Promise<Verdict> {
  await Promise.all(options.streams.map((stream) => stream.done));
  const items = options.streams.flatMap((stream) => stream.items);
  const accepted = items.flatMap((item) => (item.alertId ? [{ alertId: item.alertId, marker: item.marker }] : []));
  const { world } = options;
  const reachedEveryone = (alertId: string): boolean =>
    world.recipients.every((recipient) => receiptsOf(recipient).some((receipt) => receipt.alertId === alertId));
  await waitFor(() => accepted.every((message) => reachedEveryone(message.alertId)), {
    what: `every accepted message of "${options.scenario}" to reach every recipient`,
    timeoutMs: options.deliveryTimeoutMs ?? 120_000,
    intervalMs: 250,
  }).catch(() => undefined); // the tally says what is missing

  const db = new Client({ connectionString: e2eEnv.databaseUrl });
  await db.connect();
  const admin = faultKafka.admin();
  await admin.connect();
  try {
    const alertIds = accepted.map((message) => message.alertId);
    const webhookIds = world.recipients.map((recipient) => recipient.webhookId);
    let pending: string[] = [];
    await waitFor(
      async () => {
        pending = await pendingWork(db, admin, alertIds, webhookIds);
        return pending.length === 0;
      },
      { what: 'nothing left pending', timeoutMs: 90_000, intervalMs: 500 },
    ).catch(() => undefined); // reported in the verdict

    const counted = tally({
      accepted,
      stored: await storedByMarker(
        db,
        items.map((item) => item.marker),
      ),
      published: await publishedPerAlert(),
      received: Object.fromEntries(world.recipients.map((recipient) => [recipient.name, receiptsOf(recipient)])),
    });
    const retried = new Set(
      options.streams.flatMap((stream) => stream.attempts.filter((a) => a.outcome !== 201).map((a) => a.n)),
    ).size;
    const replayed = items.filter((item) => item.replayed).length;
    const duplicates = Object.entries(counted.byStage)
      .filter(([, stage]) => stage.transportDuplicates > 0)
      .map(([stage, { transportDuplicates }]) => `${transportDuplicates} at ${stage}`);
    const row: ReliabilityRow = {
      suite: 'faults',
      scenario: options.scenario,
      sent: items.length,
      accepted: counted.accepted,
      delivered: counted.delivered,
      transportDuplicates: counted.transportDuplicates,
      duplicateEffects: counted.duplicateEffects,
      lost: counted.lost,
      notes: [
        options.notes,
        retried > 0
          ? `${retried} requests retried by the client (${replayed} answered from the idempotency record)`
          : '',
        duplicates.length > 0 ? `transport duplicates: ${duplicates.join(', ')}` : '',
        pending.length > 0 ? `PENDING: ${pending.join('; ')}` : '',
      ]
        .filter(Boolean)
        .join('; '),
    };
    recordReliability(row);
    const refused = items.filter((item) => item.refused).map((item) => `#${item.n}: ${item.refused}`);
    const verdict: Verdict = { ...row, byStage: counted.byStage, problems: counted.problems, pending, refused };
    return verdict;
  } finally {
    await admin.disconnect();
    await db.end();
  }
}

/** What a scenario must end with; a failure names every problem. */
export function expectSettled(verdict: Verdict): void {
  expect({
    lost: verdict.lost,
    duplicateEffects: verdict.duplicateEffects,
    accepted: verdict.accepted,
    pending: verdict.pending,
    refused: verdict.refused,
    problems: verdict.problems,
  }).toEqual({ lost: 0, duplicateEffects: 0, accepted: verdict.sent, pending: [], refused: [], problems: [] });
}

async function pendingWork(db: Client, admin: Admin, alertIds: string[], webhookIds: string[]): Promise<string[]> {
  const pending: string[] = [];
  const { rows: schemas } = await db.query<{ schema: string }>(
    "SELECT table_schema AS schema FROM information_schema.tables WHERE table_name = 'outbox' ORDER BY 1",
  );
  for (const { schema } of schemas) {
    const { rows } = await db.query<{ count: string }>(
      `SELECT count(*) FROM "${schema}".outbox WHERE published_at IS NULL`,
    );
    if (Number(rows[0].count) > 0) pending.push(`${rows[0].count} events unpublished in the ${schema} outbox`);
  }
  const { rows: deliveries } = await db.query<{ status: string; count: string }>(
    `SELECT status, count(*) FROM notification.deliveries
     WHERE alert_id = ANY($1::uuid[]) AND webhook_id = ANY($2::uuid[]) AND status <> 'sent' GROUP BY status`,
    [alertIds, webhookIds],
  );
  for (const { status, count } of deliveries) pending.push(`${count} deliveries ${status}`);
  return [...pending, ...(await consumerBacklog(admin))];
}

async function storedByMarker(db: Client, markers: string[]): Promise<Map<string, string[]>> {
  const { rows } = await db.query<{ marker: string; ids: string[] }>(
    `SELECT snapshot->>'note' AS marker, array_agg(id::text) AS ids FROM ingestion.alerts
     WHERE snapshot->>'note' = ANY($1::text[]) GROUP BY 1`,
    [markers],
  );
  return new Map(rows.map((row) => [row.marker, row.ids]));
}

/** Every event about an alert: what ingestion published for it, and routing's decision. */
async function publishedPerAlert(): Promise<Record<string, { alertId: string; eventId: string }[]>> {
  const events = async (topics: string[]) =>
    (await Promise.all(topics.map((topic) => readTopic(testKafkaConfig(), topic, 60_000))))
      .flat()
      .flatMap((message) => {
        try {
          const envelope = JSON.parse(message.value!.toString()) as {
            id: string;
            payload: { alert: { alertId: string } };
          };
          return [{ alertId: envelope.payload.alert.alertId, eventId: envelope.id }];
        } catch {
          return []; // poison put there by a test
        }
      });
  return {
    'ingestion (published)': await events(INPUT_TOPICS),
    [`routing (${Topics.AlertRoutedV1})`]: await events([Topics.AlertRoutedV1]),
  };
}
