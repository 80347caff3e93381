import { randomUUID } from 'node:crypto';
import type { Admin, Producer } from 'kafkajs';
import { Topics, deadLetterTopicOf, type Topic } from '@vigie/contracts';
import { readTopic, registerActivePartner, waitFor, waitUntilAccepted, type Stack } from '@vigie/testing';
import { newAdminKey } from '../e2e.env';
import { startTestStack, testKafkaConfig } from '../test-stack';
import { AlertStream } from './alert-stream';
import { CONSUMER_GROUPS, consumedTopics, faultKafka } from './consumer-groups';
import { expectSettled, settle } from './fault-oracle';
import { prepareWorld, theftIn, theftStream, type FaultWorld, type Place } from './fault-world';

const brokers = testKafkaConfig();

/** Topics the test also drives valid traffic through; any other consumed topic still gets its poison. */
const DRIVEN: Topic[] = [
  Topics.AlertSubmittedV1,
  Topics.AlertUpdatedV1,
  Topics.AlertCancelledV1,
  Topics.AlertRoutedV1,
  Topics.PartnerChangedV1,
];

/** Two kinds of poison: bytes that are not JSON, and an envelope of the right event whose payload is invalid. */
function poisonFor(topic: string, tag: string, partition: number) {
  const [, type, version] = /^(.+)\.v(\d+)$/.exec(topic)!;
  const envelope = {
    id: randomUUID(),
    type,
    version: Number(version),
    occurredAt: new Date().toISOString(),
    producer: 'fault-tests',
    correlationId: randomUUID(),
    causationId: null,
    payload: {},
  };
  return [
    { partition, key: `${tag}-not-json-${partition}`, value: '{ this is not JSON', reason: /^value is not JSON$/ },
    {
      partition,
      key: `${tag}-invalid-payload-${partition}`,
      value: JSON.stringify(envelope),
      reason: new RegExp(`^invalid ${type.replace('.', '\\.')} v${version} payload; `),
    },
  ];
}

describe('faults: a poison message on every consumed topic', () => {
  const adminKey = newAdminKey();
  const admin: Admin = faultKafka.admin();
  const producer: Producer = faultKafka.producer();
  const tag = `poison-${randomUUID()}`;
  const place: Place = { department: '34', commune: '34172', label: 'Hérault (messages empoisonnés)' };
  let stack: Stack;
  let herault: FaultWorld | undefined;

  beforeAll(async () => {
    await Promise.all([admin.connect(), producer.connect()]);
    stack = await startTestStack('faults-poison', 350, { adminKey });
  }, 180_000);

  afterAll(async () => {
    await Promise.all([admin.disconnect(), producer.disconnect()]);
    await herault?.close();
    await stack?.stop();
  }, 120_000);

  it('dead-letters each with its reason, once per consuming service, and every partition keeps flowing', async () => {
    // Every group has joined with its assignment (the driven topics at least) before the poison goes in.
    const consumers = await waitFor(
      async () => {
        const consumed = await consumedTopics(admin);
        const groups = new Set([...consumed.values()].flat());
        return DRIVEN.every((topic) => consumed.has(topic)) && CONSUMER_GROUPS.every((group) => groups.has(group))
          ? consumed
          : undefined;
      },
      { what: 'every consumer group to hold its topics', timeoutMs: 60_000, intervalMs: 500 },
    );

    // Poison at the head of every partition of every consumed topic, before any valid traffic.
    const poisonEnds = new Map<string, Map<number, number>>();
    let poisonCount = 0;
    const expectedLetters: { topic: string; key: string; group: string; reason: RegExp }[] = [];
    for (const [topic, groups] of consumers) {
      const partitions = (await admin.fetchTopicMetadata({ topics: [topic] })).topics[0].partitions;
      const poison = partitions.flatMap(({ partitionId }) => poisonFor(topic, tag, partitionId));
      poisonCount += poison.length;
      await producer.send({
        topic,
        acks: -1,
        messages: poison.map(({ partition, key, value }) => ({ partition, key, value })),
      });
      const ends = await admin.fetchTopicOffsets(topic);
      poisonEnds.set(topic, new Map(ends.map((end) => [end.partition, Number(end.high)])));
      for (const { key, reason } of poison)
        for (const group of groups) expectedLetters.push({ topic, key, group, reason });
    }

    // Valid traffic behind the poison: organisations (partner.changed.v1), alerts, updates, cancellations.
    herault = await prepareWorld(stack, adminKey, place);
    const world = herault;
    const alerts = theftStream(world, stack.url('alert-ingestion'), {
      name: 'poison-alerts',
      count: 45,
      concurrency: 2,
      intervalMs: 50,
    });
    await alerts.done;
    const chain = (n: number) => alerts.items[n].alertId;
    const updates = AlertStream.start({
      url: stack.url('alert-ingestion'),
      key: world.sender.key,
      name: 'poison-updates',
      count: 30,
      concurrency: 2,
      intervalMs: 50,
      message: (n, marker) => ({ path: `/v1/alerts/${chain(n)}/updates`, body: theftIn(place, marker) }),
    });
    await updates.done;
    const cancellations = AlertStream.start({
      url: stack.url('alert-ingestion'),
      key: world.sender.key,
      name: 'poison-cancellations',
      count: 30,
      concurrency: 2,
      intervalMs: 50,
      message: (n, marker) => ({ path: `/v1/alerts/${chain(15 + n)}/cancel`, body: { note: marker } }),
    });
    await cancellations.done;

    // Behind the poison of every partition of partner.changed.v1, an organisation every service must learn of.
    const registry = { registryUrl: stack.url('partner-registry'), adminKey };
    const latecomers: { key: string }[] = [];
    const validBehindPoison = async (topic: string): Promise<Set<number>> =>
      new Set(
        (await readTopic(brokers, topic, 60_000))
          .filter((m) => !m.key?.toString().startsWith(tag))
          .filter((m) => Number(m.offset) >= (poisonEnds.get(topic)?.get(m.partition) ?? Infinity))
          .map((m) => m.partition),
      );
    while ((await validBehindPoison(Topics.PartnerChangedV1)).size < 3 && latecomers.length < 20) {
      latecomers.push(
        await registerActivePartner(registry, {
          kind: 'JEWELLER',
          name: `Bijouterie ${place.label} ${latecomers.length + 1}`,
          departments: [place.department],
        }),
      );
    }
    for (const service of ['alert-ingestion', 'prefect-routing', 'notification'] as const) {
      for (const { key } of latecomers) await waitUntilAccepted(stack.url(service), key, 90_000);
    }

    const deadLetters = await waitFor(
      async () => {
        const found = (
          await Promise.all(
            [...consumers.keys()].map(async (topic) =>
              (await readTopic(brokers, deadLetterTopicOf(topic as Topic), 60_000))
                .filter((m) => m.key?.toString().startsWith(tag))
                .map((m) => ({
                  topic,
                  key: m.key!.toString(),
                  group: m.headers?.['vigie-dlq-consumer']?.toString(),
                  reason: m.headers?.['vigie-dlq-reason']?.toString() ?? '',
                })),
            ),
          )
        ).flat();
        return found.length >= expectedLetters.length ? found : undefined;
      },
      { what: 'every poison message on its dead-letter topic', timeoutMs: 90_000, intervalMs: 1000 },
    );

    // Each poison message went to its dead-letter topic once per consuming service, with the reason.
    const describe = ({ topic, key, group }: { topic: string; key: string; group?: string }) =>
      `${topic} ${key} ${group}`;
    const letterProblems = [
      ...expectedLetters
        .filter(
          (letter) =>
            !deadLetters.some((found) => describe(found) === describe(letter) && letter.reason.test(found.reason)),
        )
        .map((letter) => `missing or without its reason: ${describe(letter)}`),
      ...deadLetters
        .filter((found) => !expectedLetters.some((letter) => describe(found) === describe(letter)))
        .map((found) => `unexpected: ${describe(found)} (${found.reason})`),
    ];

    const verdict = await settle({
      scenario: 'poison messages on every consumed topic',
      world,
      streams: [alerts, updates, cancellations],
      notes:
        `${poisonCount} poison messages (not JSON; invalid payload) at the head of every partition of ` +
        `${[...consumers.keys()].sort().join(', ')}: ${deadLetters.length} dead letters for ${expectedLetters.length} ` +
        `expected (one per consuming service)${letterProblems.length > 0 ? ', SOME WRONG' : ', each with its reason'}; ` +
        `behind them, on every partition: the scenario's organisations${latecomers.length > 0 ? ` (and ${latecomers.length} more)` : ''}, ` +
        `${alerts.items.length} alerts, ${updates.items.length} updates, ${cancellations.items.length} cancellations`,
    });
    expectSettled(verdict);

    expect(letterProblems).toEqual([]);
    // Valid messages stood behind the poison on every partition of every driven topic; settle found no
    // backlog, so they were consumed.
    for (const topic of DRIVEN) {
      const partitions = [...poisonEnds.get(topic)!.keys()].sort();
      expect([topic, [...(await validBehindPoison(topic))].sort()]).toEqual([topic, partitions]);
    }
  }, 400_000);
});
