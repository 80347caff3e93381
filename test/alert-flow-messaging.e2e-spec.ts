import { randomUUID } from 'node:crypto';
import type { KafkaMessage } from 'kafkajs';
import { Client } from 'pg';
import { Topics } from '@vigie/contracts';
import { messagesWithKey, readTopic, request, waitFor } from '@vigie/testing';
import { brokers, useAlertFlowWorld } from './alert-flow/alert-flow-world';
import { e2eEnv } from './e2e.env';

/** The messaging guarantees along an alert's way: dead letters, redeliveries, bursts, the outbox. */
describe('an alert end to end: poison, redelivered and burst events, and a restarted outbox', () => {
  const world = useAlertFlowWorld('alert-flow-messaging', 230, 'Gardiennage Rhône-Alpes Messagerie SAS');
  const { deliveriesTo, alertDelivered, kafka } = world;
  let stack: typeof world.stack;
  let rhone: typeof world.rhone;
  let webhookId: string;
  let producer: typeof world.producer;
  beforeAll(() => ({ stack, rhone, webhookId, producer } = world));

  it('dead-letters poison messages with the reason, and the partitions keep flowing', async () => {
    const { length: partitionCount } = await topicPartitions(Topics.AlertSubmittedV1);
    const tag = randomUUID();
    const poison = Array.from({ length: partitionCount }, (_, partition) => [
      { partition, key: `${tag}-json-${partition}`, value: 'this is not JSON' },
      { partition, key: `${tag}-envelope-${partition}`, value: JSON.stringify({ hello: 'world' }) },
    ]).flat();
    await producer.send({ topic: Topics.AlertSubmittedV1, messages: poison });

    // A valid alert, behind a poison message on whichever partition it lands, still arrives.
    await alertDelivered();

    const deadLetters = await waitFor(
      async () => {
        const found = (await readTopic(brokers, `${Topics.AlertSubmittedV1}.dlq`)).filter((m) =>
          m.key?.toString().startsWith(tag),
        );
        return found.length === poison.length ? found : undefined;
      },
      { what: 'every poison message on the dead-letter topic', timeoutMs: 15000 },
    );
    const reasons = new Map(deadLetters.map((m) => [m.key!.toString(), m.headers!['vigie-dlq-reason']!.toString()]));
    expect(reasons.get(`${tag}-json-0`)).toBe('value is not JSON');
    expect(reasons.get(`${tag}-envelope-0`)).toMatch(/^invalid envelope; id: is missing; type: is missing; /);
    expect(deadLetters[0].headers!['vigie-dlq-consumer']!.toString()).toBe('prefect-routing');
  }, 60_000);

  it('gives a redelivered event no second effect', async () => {
    const alertId = await alertDelivered();
    const [original] = await messagesWithKey(brokers, Topics.AlertSubmittedV1, alertId);
    const [sent] = await producer.send({
      topic: Topics.AlertSubmittedV1,
      messages: [{ key: alertId, value: original.value, headers: original.headers }],
    });
    const redeliveredOffset = Number(sent.baseOffset);

    // Wait until routing has consumed the copy (its group committed past it) …
    const admin = kafka.admin();
    await admin.connect();
    try {
      await waitFor(
        async () => {
          const [committed] = await admin.fetchOffsets({
            groupId: 'prefect-routing',
            topics: [Topics.AlertSubmittedV1],
          });
          const partition = committed.partitions.find((p) => p.partition === sent.partition);
          return Number(partition?.offset ?? -1) > redeliveredOffset;
        },
        { what: 'routing to consume the redelivered event', timeoutMs: 20000, intervalMs: 200 },
      );
    } finally {
      await admin.disconnect();
    }
    // … then it must have routed once and notified once.
    expect(await messagesWithKey(brokers, Topics.AlertRoutedV1, alertId)).toHaveLength(1);
    const deliveries = await request<any[]>('GET', `${stack.url('notification')}/v1/deliveries?alertId=${alertId}`, {
      key: rhone.key,
    });
    expect(deliveries.body.filter((delivery) => delivery.webhookId === webhookId)).toHaveLength(1);
    expect(deliveriesTo(alertId)).toHaveLength(1);
  }, 60_000);

  /** New alerts for the Rhône as routing receives them: a delivered alert's event, each with new ids (its own chain). */
  async function newAlertEvents(count: number): Promise<any[]> {
    const alertId = await alertDelivered();
    const [published] = await messagesWithKey(brokers, Topics.AlertSubmittedV1, alertId);
    const template = JSON.parse(published.value!.toString());
    return Array.from({ length: count }, () => {
      const envelope = structuredClone(template);
      envelope.id = randomUUID();
      envelope.payload.alert.alertId = envelope.payload.alert.originalAlertId = randomUUID();
      return envelope;
    });
  }

  const asMessage = (envelope: any) => ({ key: envelope.payload.alert.alertId, value: JSON.stringify(envelope) });

  /** Routing's handled-event rows for these events, once there is one for each. */
  function handledOnceEach(db: Client, events: any[]): Promise<{ event_id: string; handled_at: Date }[]> {
    return waitFor(
      async () => {
        const { rows } = await db.query<{ event_id: string; handled_at: Date }>(
          'SELECT event_id, handled_at FROM routing.handled_events WHERE event_id = ANY($1::uuid[])',
          [events.map((event) => event.id)],
        );
        return rows.length === events.length ? rows : undefined;
      },
      { what: 'routing to handle the burst', timeoutMs: 20000, intervalMs: 100 },
    );
  }

  /** The first message on alert.submitted.v1's dead-letter topic that `matches`, once there is one. */
  async function deadLettered(matches: (message: KafkaMessage) => boolean, what: string): Promise<KafkaMessage> {
    const [found] = await waitFor(
      async () => {
        const messages = (await readTopic(brokers, `${Topics.AlertSubmittedV1}.dlq`)).filter(matches);
        return messages.length > 0 ? messages : undefined;
      },
      { what, timeoutMs: 20000 },
    );
    return found;
  }

  /** Each alert was routed (alert.routed.v1 in routing's outbox) exactly once. */
  async function expectRoutedOnce(db: Client, events: any[]): Promise<void> {
    const { rows: routed } = await db.query<{ message_key: string; copies: number }>(
      `SELECT message_key, count(*)::int AS copies FROM routing.outbox
       WHERE topic = $1 AND message_key = ANY($2::text[]) GROUP BY message_key`,
      [Topics.AlertRoutedV1, events.map((event) => event.payload.alert.alertId)],
    );
    expect(routed).toHaveLength(events.length);
    expect(routed.every((row) => row.copies === 1)).toBe(true);
  }

  it('handles a burst on a partition in one transaction: each event once, a copy ignored, poison set aside', async () => {
    const events = await newAlertEvents(8);
    const tag = randomUUID();
    // One produce request: the broker appends it as one record batch, which routing fetches whole.
    await producer.send({
      topic: Topics.AlertSubmittedV1,
      messages: [
        ...events.slice(0, 4).map(asMessage),
        { key: `${tag}-poison`, value: 'not JSON either' },
        asMessage(events[1]),
        ...events.slice(4).map(asMessage),
      ].map((message) => ({ ...message, partition: 0 })),
    });

    const db = new Client({ connectionString: e2eEnv.databaseUrl });
    await db.connect();
    try {
      const handled = await handledOnceEach(db, events);
      // handled_at is the transaction's start: one value, one transaction.
      expect(new Set(handled.map((row) => row.handled_at.getTime())).size).toBe(1);
      await expectRoutedOnce(db, events);
    } finally {
      await db.end();
    }
    const deadLetter = await deadLettered(
      (m) => m.key?.toString() === `${tag}-poison`,
      'the poison message of the burst on the dead-letter topic',
    );
    expect(deadLetter.value!.toString()).toBe('not JSON either');
    expect(deadLetter.headers!['vigie-dlq-reason']!.toString()).toBe('value is not JSON');
  }, 60_000);

  it('handles the rest of a burst when one of its events fails: that one is retried alone, then dead-lettered', async () => {
    const events = await newAlertEvents(6);
    // A second event for the third alert: routing already decided on that alert, so this one fails
    // (a unique constraint), and with it the burst's transaction.
    const twin = { ...structuredClone(events[2]), id: randomUUID() };
    await producer.send({
      topic: Topics.AlertSubmittedV1,
      messages: [...events.slice(0, 3), twin, ...events.slice(3)]
        .map(asMessage)
        .map((message) => ({ ...message, partition: 0 })),
    });

    const db = new Client({ connectionString: e2eEnv.databaseUrl });
    await db.connect();
    try {
      const handled = await handledOnceEach(db, events);
      // Handled one at a time after the shared transaction failed.
      expect(new Set(handled.map((row) => row.handled_at.getTime())).size).toBe(events.length);
      await expectRoutedOnce(db, events);
      const deadLetter = await deadLettered(
        (m) => m.value?.toString().includes(twin.id) ?? false,
        'the failing event on the dead-letter topic',
      );
      expect(deadLetter.headers!['vigie-dlq-reason']!.toString()).toMatch(
        /^failed after 5 attempts: .*duplicate key value violates unique constraint "uq_routing_decisions_alert"/,
      );
      const { rowCount } = await db.query('SELECT 1 FROM routing.handled_events WHERE event_id = $1', [twin.id]);
      expect(rowCount).toBe(0);
    } finally {
      await db.end();
    }
  }, 60_000);

  it('publishes what the outbox holds when the service starts again', async () => {
    const alertId = await alertDelivered();
    const [published] = await messagesWithKey(brokers, Topics.AlertSubmittedV1, alertId);
    const envelope = JSON.parse(published.value!.toString());
    // An event committed just before a crash: in the outbox, never published.
    const pendingAlertId = randomUUID();
    envelope.id = randomUUID();
    envelope.payload.alert.alertId = pendingAlertId;

    await stack.stopService('alert-ingestion', 'SIGKILL');
    const db = new Client({ connectionString: e2eEnv.databaseUrl });
    await db.connect();
    try {
      await db.query('INSERT INTO ingestion.outbox (id, topic, message_key, envelope) VALUES ($1, $2, $3, $4)', [
        envelope.id,
        Topics.AlertSubmittedV1,
        pendingAlertId,
        envelope,
      ]);
      await stack.startService('alert-ingestion');
      await waitFor(() => deliveriesTo(pendingAlertId).length === 1, {
        what: 'the pending event to be published, routed and delivered after restart',
        timeoutMs: 20000,
      });
      const { rows } = await db.query('SELECT published_at FROM ingestion.outbox WHERE id = $1', [envelope.id]);
      expect(rows[0].published_at).not.toBeNull();
    } finally {
      await db.end();
    }
  }, 90_000);

  async function topicPartitions(topic: string): Promise<number[]> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
      return metadata.topics[0].partitions.map((p) => p.partitionId);
    } finally {
      await admin.disconnect();
    }
  }
});
