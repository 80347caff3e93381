import { randomUUID } from 'node:crypto';
import { Injectable, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IsString, MaxLength } from 'class-validator';
import { Kafka, logLevel, type EachBatchPayload, type KafkaMessage } from 'kafkajs';
import { DataSource, type EntityManager } from 'typeorm';
import { createEnvelope, defineEvent, type EventEnvelope, type Topic } from '@vigie/contracts';
import {
  addOutboxHeaders,
  consumerRunSettings,
  Consumes,
  createInboxTable,
  createOutboxTable,
  EventConsumer,
  MessagingModule,
  OFFSET_COMMIT_INTERVAL_MS,
  Outbox,
  OutboxRelay,
  type MessagingOptions,
} from '@vigie/messaging';
import { openServiceDataSource, serviceDataSourceOptions } from '@vigie/persistence';
import { readTopic, waitFor } from '@vigie/testing';
import { e2eEnv } from '../e2e.env';

/**
 * The messaging layer on its own, against the real PostgreSQL and Kafka: the consumer pipeline
 * fed batches directly (as the Kafka transport would), and the outbox relay with two instances
 * on one schema, each woken by its own commits only. Faster than the end-to-end suites and aimed at their edge cases.
 */

const run = randomUUID().slice(0, 8);
const SCHEMA = `it_messaging_${run}`;
// Topics of this file only: nothing else reads or counts them.
const TOPIC = `it.words.${run}.v1` as Topic;
const DLQ = `${TOPIC}.dlq`;
// The committed-offsets test's own topic, which the relay tests' readers never see.
const COUNTED_TOPIC = `it.counted.${run}.v1` as Topic;
// The idempotent handler's (ADR 58).
const KEPT_TOPIC = `it.kept.${run}.v1` as Topic;
const brokers = e2eEnv.kafkaBrokers.split(',');
const NO_TABLES = { entities: [], migrations: [] };

class Word {
  @IsString() @MaxLength(40) word!: string;
}
const WordEvent = defineEvent({ type: 'it.word', version: 1, topic: TOPIC, payload: Word });
const CountedEvent = defineEvent({ type: 'it.counted', version: 1, topic: COUNTED_TOPIC, payload: Word });
const KeptEvent = defineEvent({ type: 'it.kept', version: 1, topic: KEPT_TOPIC, payload: Word });

/** Writes each word it is given; words listed in `refused` fail every attempt. */
@Injectable()
class Words {
  readonly refused = new Set<string>();
  attempts = new Map<string, number>();

  @Consumes(WordEvent)
  async handle(event: EventEnvelope<Word>, manager: EntityManager): Promise<void> {
    const { word } = event.payload;
    this.attempts.set(word, (this.attempts.get(word) ?? 0) + 1);
    if (this.refused.has(word)) throw new Error(`the word ${word} is refused`);
    await manager.query('INSERT INTO words (word) VALUES ($1)', [word]);
  }

  @Consumes(CountedEvent)
  async count(event: EventEnvelope<Word>, manager: EntityManager): Promise<void> {
    await manager.query('INSERT INTO words (word) VALUES ($1)', [event.payload.word]);
  }

  /** Whether each call of `keep` ran in a transaction. */
  readonly keptInTransaction: boolean[] = [];

  @Consumes(KeptEvent, { idempotent: true })
  async keep(event: EventEnvelope<Word>, manager: EntityManager): Promise<void> {
    this.keptInTransaction.push(manager.queryRunner?.isTransactionActive ?? false);
    await manager.query('INSERT INTO kept_words (word) VALUES ($1) ON CONFLICT DO NOTHING', [event.payload.word]);
  }
}

function options(clientId: string, direct: boolean): MessagingOptions {
  return {
    kafka: {
      brokers,
      clientId,
      groupId: `it-messaging-${run}`,
      topicPartitions: 3,
      topicRetentionMs: 604_800_000,
      createTopics: true,
    },
    schema: SCHEMA,
    // No poll within a test's time: a relay publishes because its process woke it at commit, or
    // because it tried the lock again after finding another instance publishing (ADR 50).
    outbox: { batchSize: 50, pollIntervalMs: 600_000, direct },
    consumer: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 10 },
    retention: { outboxSeconds: 3600, handledEventsSeconds: 3600, sweepIntervalMs: 3_600_000 },
    vacuum: { intervalMs: 0, deadRows: 1000, tables: ['outbox', 'handled_events'] },
  };
}

async function startInstance(clientId: string, direct = true): Promise<INestApplication> {
  // The service's wiring (see ServiceInfrastructureModule), on a schema of this file's own.
  const module = await Test.createTestingModule({
    imports: [
      TypeOrmModule.forRootAsync({
        useFactory: () => serviceDataSourceOptions({ url: e2eEnv.databaseUrl, schema: SCHEMA, poolSize: 4 }, NO_TABLES),
        dataSourceFactory: (settings) => openServiceDataSource(settings!),
      }),
      MessagingModule.forRoot(options(clientId, direct)),
    ],
    providers: [Words],
  }).compile();
  const app = module.createNestApplication({ logger: false });
  await app.init();
  return app;
}

/** What the Kafka transport hands the consumer: one partition's messages, offsets resolved as it goes. */
function batchOf(messages: KafkaMessage[], running: () => boolean = () => true, topic: Topic = TOPIC, partition = 0) {
  const resolved: string[] = [];
  const payload = {
    batch: { topic, partition, messages },
    resolveOffset: (offset: string) => resolved.push(offset),
    heartbeat: async () => undefined,
    commitOffsetsIfNecessary: async () => undefined,
    uncommittedOffsets: () => ({ topics: [] }),
    isRunning: running,
    isStale: () => false,
  } as unknown as EachBatchPayload;
  return { payload, resolved };
}

let offset = 0;
function message(value: string | EventEnvelope<Word>): KafkaMessage {
  return {
    key: Buffer.from('k'),
    value: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
    offset: String(offset++),
    timestamp: String(Date.now()),
    attributes: 0,
    headers: {},
  };
}

const wordEvent = (word: string) => createEnvelope(WordEvent, { word }, { producer: 'it' });

describe('messaging layer on the real PostgreSQL and Kafka', () => {
  let kafka: Kafka;
  let admin: ReturnType<Kafka['admin']>;
  let setup: DataSource;
  let first: INestApplication;
  let second: INestApplication | null;

  const words = async (): Promise<string[]> =>
    (await setup.query<{ word: string }[]>(`SELECT word FROM "${SCHEMA}".words ORDER BY position`)).map((r) => r.word);

  beforeAll(async () => {
    kafka = new Kafka({ clientId: 'it-messaging', brokers, logLevel: logLevel.NOTHING });
    admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: [TOPIC, DLQ, COUNTED_TOPIC, KEPT_TOPIC].map((topic) => ({
        topic,
        numPartitions: 3,
        replicationFactor: -1,
      })),
    });
    setup = await openServiceDataSource(
      serviceDataSourceOptions({ url: e2eEnv.databaseUrl, schema: SCHEMA, poolSize: 2 }, NO_TABLES),
    );
    const runner = setup.createQueryRunner();
    await runner.connect();
    try {
      await createOutboxTable(runner);
      await addOutboxHeaders(runner);
      await createInboxTable(runner);
      await runner.query('CREATE TABLE words (position bigint GENERATED ALWAYS AS IDENTITY, word text NOT NULL)');
      await runner.query('CREATE TABLE kept_words (word text PRIMARY KEY)');
    } finally {
      await runner.release();
    }
    first = await startInstance('it-first');
    second = await startInstance('it-second');
  }, 60_000);

  afterAll(async () => {
    await first?.close();
    await second?.close();
    await setup?.query(`DROP SCHEMA IF EXISTS "${SCHEMA}" CASCADE`);
    await setup?.destroy();
    await admin?.deleteTopics({ topics: [TOPIC, DLQ, COUNTED_TOPIC, KEPT_TOPIC] }).catch(() => undefined);
    await admin?.disconnect();
  });

  beforeEach(async () => {
    await setup.query(`TRUNCATE "${SCHEMA}".words, "${SCHEMA}".handled_events, "${SCHEMA}".outbox`);
  });

  describe('consumer pipeline', () => {
    it('applies a batch in order, each event once, even when the batch repeats an event', async () => {
      const [a, b, c] = ['alpha', 'bravo', 'charlie'].map(wordEvent);
      const { payload, resolved } = batchOf([a, b, a, c].map(message));

      await first.get(EventConsumer).consumeBatch(payload);

      expect(await words()).toEqual(['alpha', 'bravo', 'charlie']);
      expect(resolved).toEqual([String(offset - 1)]);
      const handled = await setup.query<{ n: string }[]>(`SELECT count(*) AS n FROM "${SCHEMA}".handled_events`);
      expect(Number(handled[0].n)).toBe(3);
    });

    it('gives a redelivered batch no second effect, on another instance of the group too', async () => {
      const events = ['delta', 'echo'].map(wordEvent);
      await first.get(EventConsumer).consumeBatch(batchOf(events.map(message)).payload);
      await second!.get(EventConsumer).consumeBatch(batchOf(events.map(message)).payload);

      expect(await words()).toEqual(['delta', 'echo']);
    });

    it('applies the rest of a batch when one event keeps failing, and dead-letters that one with its reason', async () => {
      const handler = first.get(Words);
      handler.refused.add('golf');
      const events = ['foxtrot', 'golf', 'hotel'].map(wordEvent);
      const { payload, resolved } = batchOf(events.map(message));

      await first.get(EventConsumer).consumeBatch(payload);

      expect(await words()).toEqual(['foxtrot', 'hotel']);
      // Once in the shared transaction, then alone up to maxAttempts.
      expect(handler.attempts.get('golf')).toBe(3);
      expect(resolved).toEqual([String(offset - 1)]);
      const dead = await waitFor(
        async () => {
          const found = (await readTopic(brokers, DLQ)).filter((m) => m.value?.toString().includes(events[1].id));
          return found.length > 0 ? found : undefined;
        },
        { what: 'the refused event on the dead-letter topic', timeoutMs: 20_000 },
      );
      expect(dead).toHaveLength(1);
      expect(dead[0].headers?.['vigie-dlq-reason']?.toString()).toMatch(/failed after 2 attempts: .*golf is refused/);
      expect(dead[0].headers?.['vigie-dlq-topic']?.toString()).toBe(TOPIC);
    });

    it("handles the batches one fetch brings from a topic's partitions in one transaction, each in its order (ADR 66)", async () => {
      const partitions = [
        ['lima', 'mike', 'november'],
        ['oscar', 'papa'],
        ['quebec', 'romeo', 'sierra', 'tango'],
      ].map((list, partition) => batchOf(list.map(wordEvent).map(message), undefined, TOPIC, partition));
      const consumer = first.get(EventConsumer);

      // As kafkajs hands them over: one call per partition, concurrently.
      await Promise.all(partitions.map(({ payload }) => consumer.consumeBatch(payload)));

      const stored = await setup.query<{ word: string; xid: string }[]>(
        `SELECT word, xmin::text AS xid FROM "${SCHEMA}".words ORDER BY position`,
      );
      expect(new Set(stored.map((row) => row.xid)).size).toBe(1);
      const order = stored.map((row) => row.word);
      for (const list of [
        ['lima', 'mike', 'november'],
        ['oscar', 'papa'],
        ['quebec', 'romeo', 'sierra', 'tango'],
      ]) {
        expect(order.filter((word) => list.includes(word))).toEqual(list);
      }
      expect(order).toHaveLength(9);
      for (const { payload, resolved } of partitions) {
        expect(resolved).toEqual([payload.batch.messages[payload.batch.messages.length - 1].offset]);
      }
    });

    it("applies the other partitions' events when one event of a shared transaction keeps failing", async () => {
      const handler = first.get(Words);
      handler.refused.add('whiskey');
      const failing = batchOf(['uniform', 'whiskey'].map(wordEvent).map(message), undefined, TOPIC, 0);
      const other = batchOf(['xray', 'yankee'].map(wordEvent).map(message), undefined, TOPIC, 1);

      // The other partition's batch comes first, so its events are tried in the shared transaction too.
      await Promise.all([other, failing].map(({ payload }) => first.get(EventConsumer).consumeBatch(payload)));

      expect((await words()).sort()).toEqual(['uniform', 'xray', 'yankee']);
      // Once in the shared transaction, then alone up to maxAttempts; the other partition's in both.
      expect(handler.attempts.get('whiskey')).toBe(3);
      expect(handler.attempts.get('xray')).toBe(2);
      expect(other.resolved).toEqual([other.payload.batch.messages[1].offset]);
      expect(failing.resolved).toEqual([failing.payload.batch.messages[1].offset]);
    });

    it('dead-letters poison at once (bad JSON, invalid payload) and still applies the valid events', async () => {
      const handler = first.get(Words);
      const tooLong = createEnvelope(WordEvent, { word: 'x'.repeat(41) }, { producer: 'it' });
      const { payload } = batchOf([message('{not json'), message(tooLong), message(wordEvent('india'))]);

      await first.get(EventConsumer).consumeBatch(payload);

      expect(await words()).toEqual(['india']);
      expect(handler.attempts.has('x'.repeat(41))).toBe(false);
      const reasons = await waitFor(
        async () => {
          const dead = (await readTopic(brokers, DLQ)).filter(
            (m) => m.value?.toString() === '{not json' || m.value?.toString().includes(tooLong.id),
          );
          return dead.length === 2 ? dead.map((m) => m.headers?.['vigie-dlq-reason']?.toString()) : undefined;
        },
        { what: 'two poison messages on the dead-letter topic', timeoutMs: 20_000 },
      );
      expect(reasons).toEqual(expect.arrayContaining([expect.stringMatching(/JSON/i), expect.stringMatching(/word/)]));
    });

    it('applies an idempotent handler outside any transaction, with no inbox row, each event once per batch (ADR 58)', async () => {
      const events = ['juliett', 'kilo'].map((word) => createEnvelope(KeptEvent, { word }, { producer: 'it' }));
      const batch = () => batchOf([events[0], events[1], events[0]].map(message), undefined, KEPT_TOPIC);
      const handler = first.get(Words);
      handler.keptInTransaction.length = 0;

      await first.get(EventConsumer).consumeBatch(batch().payload);
      // Redelivered, to another instance of the group: applied again, to no effect.
      await second!.get(EventConsumer).consumeBatch(batch().payload);

      const kept = await setup.query<{ word: string }[]>(`SELECT word FROM "${SCHEMA}".kept_words ORDER BY word`);
      expect(kept.map((row) => row.word)).toEqual(['juliett', 'kilo']);
      expect(handler.keptInTransaction).toEqual([false, false]);
      const handled = await setup.query<{ n: string }[]>(`SELECT count(*) AS n FROM "${SCHEMA}".handled_events`);
      expect(Number(handled[0].n)).toBe(0);
    });

    it('stops between transactions when the consumer stops, leaving the rest unresolved', async () => {
      let running = true;
      const events = Array.from({ length: 150 }, (_, i) => wordEvent(`w${i}`));
      const { payload, resolved } = batchOf(events.map(message), () => {
        const now = running;
        running = false; // true for the first chunk only
        return now;
      });

      await first.get(EventConsumer).consumeBatch(payload);

      // The first transaction's hundred events, and only its offset resolved.
      expect(await words()).toHaveLength(100);
      expect(resolved).toHaveLength(1);
    });
  });

  describe('committed offsets (ADR 53)', () => {
    it('commits handled offsets about once a second, not after every batch, and catches up after the last one', async () => {
      const groupId = `it-offsets-${run}`;
      const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 250 });
      const producer = kafka.producer();
      let batches = 0;
      let commits = 0;
      consumer.on(consumer.events.COMMIT_OFFSETS, () => commits++);
      await Promise.all([consumer.connect(), producer.connect()]);
      try {
        await consumer.subscribe({ topics: [COUNTED_TOPIC], fromBeginning: true });
        const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
        // The service's own run settings, and its consumer fed each batch, as the Kafka transport does.
        await consumer.run({
          ...consumerRunSettings({ topicPartitions: 3 }),
          eachBatchAutoResolve: false,
          eachBatch: async (payload) => {
            batches++;
            await first.get(EventConsumer).consumeBatch(payload);
          },
        });
        await joined;
        const startedAt = Date.now();
        // One event per send, each awaited: the consumer sees them in many small batches.
        for (let i = 0; i < 40; i++) {
          await producer.send({
            topic: COUNTED_TOPIC,
            acks: -1,
            messages: [
              {
                key: `k${i}`,
                value: JSON.stringify(createEnvelope(CountedEvent, { word: `o${i}` }, { producer: 'it' })),
              },
            ],
          });
        }
        await waitFor(async () => (await words()).length === 40, {
          what: 'the 40 events handled',
          timeoutMs: 20_000,
        });
        // Every partition that holds events: its committed offset reaches its end.
        const sent = (await admin.fetchTopicOffsets(COUNTED_TOPIC)).filter((end) => end.high !== '0');
        const committedAll = async () => {
          const [{ partitions }] = await admin.fetchOffsets({ groupId, topics: [COUNTED_TOPIC] });
          return sent.every((end) => partitions.find((p) => p.partition === end.partition)?.offset === end.high);
        };
        await waitFor(committedAll, {
          what: 'every handled offset committed',
          timeoutMs: 5 * OFFSET_COMMIT_INTERVAL_MS,
        });
        const elapsedMs = Date.now() - startedAt;

        expect(batches).toBeGreaterThan(commits);
        expect(commits).toBeLessThanOrEqual(Math.ceil(elapsedMs / OFFSET_COMMIT_INTERVAL_MS) + 1);
      } finally {
        await consumer.disconnect();
        await producer.disconnect();
      }
    }, 40_000);
  });

  describe('outbox relay', () => {
    it('publishes every row exactly once and in order per key, with two instances draining one schema', async () => {
      const keys = ['k1', 'k2', 'k3', 'k4'];
      const added: EventEnvelope<Word>[] = [];
      // Committed in several transactions, from both instances, while both relays run.
      for (let round = 0; round < 6; round++) {
        const app = round % 2 === 0 || !second ? first : second;
        await app.get(DataSource).transaction(async (manager) => {
          for (let i = 0; i < 40; i++) {
            const key = keys[i % keys.length];
            added.push(
              await app
                .get(Outbox)
                .add(manager, { definition: WordEvent, key, payload: { word: `${key}-${round}-${i}` } }),
            );
          }
        });
      }

      await waitFor(
        async () => {
          const rows = await setup.query<{ n: string }[]>(
            `SELECT count(*) AS n FROM "${SCHEMA}".outbox WHERE published_at IS NULL`,
          );
          return Number(rows[0].n) === 0;
        },
        { what: 'every outbox row published', timeoutMs: 20_000 },
      );
      const published = (await readTopic(brokers, TOPIC)).map((m) => ({
        key: m.key?.toString() ?? '',
        id: (JSON.parse(m.value?.toString() ?? '{}') as EventEnvelope<Word>).id,
        partition: m.partition,
        offset: Number(m.offset),
      }));
      const ids = published.map((m) => m.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.sort()).toEqual(added.map((e) => e.id).sort());
      for (const key of keys) {
        const inKafka = published
          .filter((m) => m.key === key)
          .sort((x, y) => x.offset - y.offset)
          .map((m) => m.id);
        const inOrder = added.filter((e) => e.payload.word.startsWith(`${key}-`)).map((e) => e.id);
        expect(inKafka).toEqual(inOrder);
      }
    });

    it('tries again when another instance holds the relay lock, and publishes once it is released', async () => {
      const holder = setup.createQueryRunner();
      await holder.connect();
      try {
        await holder.startTransaction();
        await holder.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`vigie.outbox.${SCHEMA}`]);
        const wakes = jest.spyOn(first.get(OutboxRelay), 'wake');
        const event = await first
          .get(DataSource)
          .transaction((manager) =>
            first.get(Outbox).add(manager, { definition: WordEvent, key: 'k', payload: { word: 'held-back' } }),
          );
        const pending = async () =>
          Number(
            (
              await setup.query<{ n: string }[]>(
                `SELECT count(*) AS n FROM "${SCHEMA}".outbox WHERE id = $1 AND published_at IS NULL`,
                [event.id],
              )
            )[0].n,
          );
        // Woken at commit, then again by the retry its round set on finding the lock taken.
        await waitFor(() => wakes.mock.calls.length >= 2, { what: 'a retry after a busy round', timeoutMs: 10_000 });
        wakes.mockRestore();
        expect(await pending()).toBe(1);
        await holder.rollbackTransaction();
        await waitFor(async () => (await pending()) === 0, {
          what: 'the row published after the lock was released',
          timeoutMs: 10_000,
        });
      } finally {
        if (holder.isTransactionActive) await holder.rollbackTransaction();
        await holder.release();
      }
    });
  });
  describe('publication straight after commit (ADR 52)', () => {
    const relayOf = (app: INestApplication) => app.get(OutboxRelay);
    const commitWords = async (app: INestApplication, tag: string, count: number) => {
      const added: EventEnvelope<Word>[] = [];
      await app.get(DataSource).transaction(async (manager) => {
        for (let i = 0; i < count; i++) {
          const key = `k${i % 3}`;
          added.push(
            await app.get(Outbox).add(manager, { definition: WordEvent, key, payload: { word: `${key}-${tag}-${i}` } }),
          );
        }
      });
      return added;
    };
    const unmarked = async () =>
      Number(
        (
          await setup.query<{ n: string }[]>(`SELECT count(*) AS n FROM "${SCHEMA}".outbox WHERE published_at IS NULL`)
        )[0].n,
      );
    /** Every event added is in Kafka once, and each key's events are in the order they were committed. */
    const expectPublishedInOrder = async (added: EventEnvelope<Word>[]) => {
      const wanted = new Set(added.map((event) => event.id));
      let published: { key: string; id: string; offset: number }[] = [];
      await waitFor(
        async () => {
          published = (await readTopic(brokers, TOPIC))
            .map((m) => ({
              key: m.key?.toString() ?? '',
              id: (JSON.parse(m.value?.toString() ?? '{}') as EventEnvelope<Word>).id,
              offset: Number(m.offset),
            }))
            .filter((m) => wanted.has(m.id));
          return published.length >= wanted.size;
        },
        { what: 'every event in Kafka', timeoutMs: 20_000 },
      );
      expect(published).toHaveLength(wanted.size);
      for (const key of ['k0', 'k1', 'k2']) {
        const inKafka = published
          .filter((m) => m.key === key)
          .sort((x, y) => x.offset - y.offset)
          .map((m) => m.id);
        expect(inKafka).toEqual(added.filter((e) => e.payload.word.startsWith(`${key}-`)).map((e) => e.id));
      }
    };

    /** Published in order per key, then marked. */
    const expectPublishedAndMarked = async (added: EventEnvelope<Word>[]) => {
      await expectPublishedInOrder(added);
      await waitFor(async () => (await unmarked()) === 0, { what: 'every event marked published', timeoutMs: 10_000 });
    };
    /** The second instance stopped: the first publishes directly once it has taken over. */
    const leaveFirstAlone = async () => {
      await second?.close();
      second = null;
      await waitFor(() => relayOf(first).publishesDirectly, {
        what: 'the last instance publishing directly',
        timeoutMs: 10_000,
      });
    };
    /** The backends holding a lease of this schema. */
    const leaseBackends = async () =>
      (
        await setup.query<{ pid: number }[]>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [
          `${SCHEMA}.publisher`,
        ])
      ).map((row) => row.pid);

    it('publishes straight after commit once alone, with no relay round, and marks the events afterwards', async () => {
      await leaveFirstAlone();
      // No relay round can publish while this lock is held: what reaches Kafka went the direct way.
      const holder = setup.createQueryRunner();
      await holder.connect();
      try {
        await holder.startTransaction();
        await holder.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`vigie.outbox.${SCHEMA}`]);
        const added = [
          ...(await commitWords(first, 'alone-a', 30)),
          ...(await commitWords(first, 'alone-b', 30)),
          ...(await commitWords(first, 'alone-c', 30)),
        ];
        await expectPublishedAndMarked(added);
        expect(relayOf(first).publishesDirectly).toBe(true);
      } finally {
        await holder.rollbackTransaction();
        await holder.release();
      }
    });

    it('sends what it committed before the lease check and the poll round its wake-up finds due (ADR 68)', async () => {
      await leaveFirstAlone();
      await waitFor(async () => (await unmarked()) === 0, { what: 'nothing left to mark', timeoutMs: 10_000 });
      // The relay's private parts, to make its periodic work due at the moment of the commit.
      const relay = relayOf(first) as unknown as {
        lastLeaseCheck: number;
        lastPoll: number;
        lease: { othersWaiting(): Promise<boolean> };
        producer: { send(messages: { value: string }[]): Promise<void> };
        relayRound(): Promise<boolean>;
        committed(rows: unknown[]): void;
      };
      // Meanwhile the loop's own timer finds nothing due; the commit makes both due at once.
      relay.lastLeaseCheck = relay.lastPoll = Date.now() + 3_600_000;
      const committed = relay.committed.bind(relay);
      const spies = {
        committed: jest.spyOn(relay, 'committed').mockImplementation((rows) => {
          relay.lastLeaseCheck = relay.lastPoll = 0;
          committed(rows);
        }),
        send: jest.spyOn(relay.producer, 'send'),
        lease: jest.spyOn(relay.lease, 'othersWaiting'),
        round: jest.spyOn(relay, 'relayRound'),
      };
      try {
        const added = await commitWords(first, 'first-out', 1);
        await expectPublishedAndMarked(added);
        await waitFor(() => spies.round.mock.calls.length > 0, { what: 'the poll round', timeoutMs: 5_000 });
        const sent = spies.send.mock.calls.findIndex(([messages]) =>
          messages.some((message) => message.value.includes(added[0].id)),
        );
        expect(sent).toBeGreaterThanOrEqual(0);
        const sentAt = spies.send.mock.invocationCallOrder[sent];
        expect(spies.lease).toHaveBeenCalled();
        expect(sentAt).toBeLessThan(spies.lease.mock.invocationCallOrder[0]);
        expect(sentAt).toBeLessThan(spies.round.mock.invocationCallOrder[0]);
      } finally {
        for (const spy of Object.values(spies)) spy.mockRestore();
        relay.lastLeaseCheck = relay.lastPoll = 0;
      }
    });

    it('hands over to an instance that joins, keeping each key in commit order across both', async () => {
      expect(relayOf(first).publishesDirectly).toBe(true);
      const added: EventEnvelope<Word>[] = [];
      // The first instance keeps committing while the second joins, then both commit in turn.
      let joined = false;
      const joining = startInstance('it-second').then((app) => {
        joined = true;
        return app;
      });
      for (let round = 0; !joined || round < 3; round++)
        added.push(...(await commitWords(first, `before-${round}`, 10)));
      second = await joining;
      expect(relayOf(first).publishesDirectly).toBe(false);
      expect(relayOf(second).publishesDirectly).toBe(false);
      for (let round = 0; round < 4; round++) {
        added.push(...(await commitWords(round % 2 === 0 ? second : first, `after-${round}`, 10)));
      }
      await expectPublishedAndMarked(added);
    });

    it('joins the lease again when its connection ends, and publishes what was committed meanwhile, in order', async () => {
      await leaveFirstAlone();
      const before = await leaseBackends();
      expect(before).toHaveLength(1);
      await setup.query('SELECT pg_terminate_backend($1)', [before[0]]);
      const added = [
        ...(await commitWords(first, 'cut-a', 10)),
        ...(await commitWords(first, 'cut-b', 10)),
        ...(await commitWords(first, 'cut-c', 10)),
      ];
      await expectPublishedAndMarked(added);
      // Back in the lease on a new connection, and publishing directly again.
      await waitFor(async () => (await leaseBackends()).some((pid) => pid !== before[0]), {
        what: 'a new lease connection',
      });
      await waitFor(() => relayOf(first).publishesDirectly, { what: 'direct publication again', timeoutMs: 10_000 });
    });

    it('holds no lease and publishes through relay rounds where the service is not declared as one instance', async () => {
      const relayOnly = await startInstance('it-relay-only', false);
      try {
        const added = await commitWords(relayOnly, 'relay-only', 10);
        await expectPublishedInOrder(added);
        expect(relayOf(relayOnly).publishesDirectly).toBe(false);
        expect(await leaseBackends()).toHaveLength(1);
      } finally {
        await relayOnly.close();
      }
    });
  });
});
