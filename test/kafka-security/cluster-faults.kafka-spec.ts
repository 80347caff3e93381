import { Client } from 'pg';
import { Topics } from '@vigie/contracts';
import { SERVICES, waitFor, type ServiceInstance, type Stack } from '@vigie/testing';
import { e2eEnv, newAdminKey } from '../e2e.env';
import { faultKafka, memberAssignments } from '../faults/consumer-groups';
import { expectSettled, settle } from '../faults/fault-oracle';
import { prepareWorld, theftStream, type FaultWorld, type Place } from '../faults/fault-world';
import { startTestStack } from '../test-stack';
import { clusterCommand } from './secured-cluster';

type Node = 1 | 2 | 3;
const SECOND_INSTANCES = SERVICES.map((service) => `${service}#2` as ServiceInstance);

/**
 * The fault scenarios of docs/reliability.md on the secured three-node cluster, with two
 * instances of every service: a broker killed, the cluster pushed below min.insync.replicas,
 * one instance of each service killed and restarted. The same oracle as test/faults: every
 * accepted alert reaches every recipient, no effect twice, nothing left pending.
 */
describe('faults on the three-node cluster, two instances of every service', () => {
  const adminKey = newAdminKey();
  const admin = faultKafka.admin();
  const worlds: FaultWorld[] = [];
  const db = new Client({ connectionString: e2eEnv.databaseUrl });
  let stack: Stack;

  async function world(place: Place): Promise<FaultWorld> {
    const prepared = await prepareWorld(stack, adminKey, place, { respondAfterMs: 50 });
    worlds.push(prepared);
    return prepared;
  }

  const unpublishedIngestionEvents = async (): Promise<number> =>
    Number(
      (await db.query<{ n: string }>('SELECT count(*) AS n FROM ingestion.outbox WHERE published_at IS NULL')).rows[0]
        .n,
    );

  /** The node leading the most partitions of the alert topics, and how many it leads. */
  async function busiestLeader(): Promise<{ node: Node; led: number }> {
    const { topics } = await admin.fetchTopicMetadata({ topics: [Topics.AlertSubmittedV1, Topics.AlertRoutedV1] });
    const counts = new Map<number, number>();
    for (const partition of topics.flatMap((topic) => topic.partitions)) {
      counts.set(partition.leader, (counts.get(partition.leader) ?? 0) + 1);
    }
    const [node, led] = [...counts].sort((a, b) => b[1] - a[1])[0];
    return { node: node as Node, led };
  }

  beforeAll(async () => {
    await Promise.all([admin.connect(), db.connect()]);
    stack = await startTestStack('cluster-faults', 40, { adminKey }, { services: [...SERVICES, ...SECOND_INSTANCES] });
    // Both instances of each consuming service hold partitions before any fault.
    for (const [groupId, topic] of [
      ['alert-ingestion', Topics.AlertRoutedV1],
      ['prefect-routing', Topics.AlertSubmittedV1],
      ['notification', Topics.AlertRoutedV1],
    ]) {
      await waitFor(
        async () => {
          const held = (await memberAssignments(admin, groupId)).map((assigned) => assigned[topic] ?? []);
          return held.length === 2 && held.every((partitions) => partitions.length > 0);
        },
        { what: `two members of ${groupId} sharing ${topic}`, timeoutMs: 90_000, intervalMs: 500 },
      );
    }
  }, 300_000);

  afterAll(async () => {
    // Whatever happened, leave the three nodes running for the next file.
    for (const node of [1, 2, 3] as Node[]) await clusterCommand('start', node).catch(() => undefined);
    for (const prepared of worlds) await prepared.close();
    await stack?.stop();
    await Promise.all([admin.disconnect(), db.end()]);
  }, 180_000);

  it('kill -9 the broker leading the busiest partitions, then stop a second one: producers wait, nothing is lost', async () => {
    const seineMaritime = await world({ department: '76', commune: '76540', label: 'Seine-Maritime (nœuds Kafka)' });
    const stream = theftStream(seineMaritime, stack.url('alert-ingestion'), {
      name: 'cluster-brokers',
      count: 400,
      concurrency: 1,
      intervalMs: 150,
    });
    await stream.reached(15);
    const { node: killed, led } = await busiestLeader();
    await clusterCommand('kill', killed);
    const acceptedAtKill = stream.accepted.length;
    // Two nodes are left: a quorum of controllers and two in-sync replicas, so writes go on: the
    // events of alerts accepted after the kill are published without waiting for the node.
    await stream.reached(acceptedAtKill + 20, 120_000);
    const publishingResumedAt = Date.now();
    // A few rows may always be on their way: the stream goes on.
    await waitFor(async () => (await unpublishedIngestionEvents()) <= 3, {
      what: 'the ingestion outbox published with one node down',
      timeoutMs: 60_000,
      intervalMs: 250,
    });
    const drainedWithOneDownMs = Date.now() - publishingResumedAt;

    const stopped = ([1, 2, 3] as Node[]).find((node) => node !== killed)!;
    let acceptedWhileBelow: number;
    let waiting: number;
    try {
      await clusterCommand('stop', stopped);
      const stoppedAt = Date.now();
      const acceptedSince = () =>
        stream.attempts.filter((attempt) => attempt.outcome === 201 && attempt.startedAt >= stoppedAt).length;
      // One node left: below min.insync.replicas=2. Ingestion still answers 201 (its outbox is in
      // PostgreSQL) and the relay keeps its events instead of losing them.
      await waitFor(() => acceptedSince() >= 15, {
        what: 'alerts accepted below min.insync.replicas',
        timeoutMs: 90_000,
      });
      waiting = await waitFor(
        async () => {
          const unpublished = await unpublishedIngestionEvents();
          return unpublished >= 10 ? unpublished : undefined;
        },
        { what: 'events waiting in the ingestion outbox', timeoutMs: 30_000, intervalMs: 250 },
      );
      acceptedWhileBelow = acceptedSince();
    } finally {
      await clusterCommand('start', stopped);
      await clusterCommand('start', killed);
    }

    expectSettled(
      await settle({
        scenario:
          'cluster: kill -9 the busiest leader, then stop a second broker (below min.insync.replicas), restart both',
        world: seineMaritime,
        streams: [stream],
        notes:
          `node ${killed} (leader of ${led} of the alert topics' partitions) killed after ${acceptedAtKill} alerts, ` +
          `outbox published ${drainedWithOneDownMs} ms after ${acceptedAtKill + 20} were accepted; ` +
          `node ${stopped} stopped; ${acceptedWhileBelow} alerts accepted below min.insync.replicas, ` +
          `${waiting} events held in the ingestion outbox`,
        deliveryTimeoutMs: 240_000,
      }),
    );
  }, 600_000);

  it('kill -9 one instance of every service mid-stream, restart each: the groups rebalance, nothing is lost or repeated', async () => {
    const eure = await world({ department: '27', commune: '27229', label: 'Eure (instances tuées)' });
    // One client per ingestion instance, so the killed one has requests in flight.
    const streams = (['alert-ingestion', 'alert-ingestion#2'] as ServiceInstance[]).map((instance, index) =>
      theftStream(eure, stack.url(instance), {
        name: `cluster-instances-${index + 1}`,
        count: 150,
        concurrency: 1,
        intervalMs: 250,
      }),
    );
    const accepted = () => streams.reduce((total, stream) => total + stream.accepted.length, 0);
    // Each second instance killed at its own point of the stream and restarted in the background,
    // so every kill and every restart happens while alerts flow.
    const killedAfter: string[] = [];
    const restarts: Promise<void>[] = [];
    for (const [index, instance] of SECOND_INSTANCES.entries()) {
      await waitFor(() => accepted() >= 30 + 40 * index, {
        what: `alerts before killing ${instance}`,
        timeoutMs: 120_000,
      });
      killedAfter.push(`${instance} after ${accepted()}`);
      await stack.stopService(instance, 'SIGKILL');
      restarts.push(stack.startService(instance));
    }
    await Promise.all(restarts);
    const restartedAfter = accepted();

    expectSettled(
      await settle({
        scenario: 'cluster: two instances of every service, one of each killed (kill -9) mid-stream and restarted',
        world: eure,
        streams,
        notes: `killed: ${killedAfter.join(', ')} alerts accepted; all back after ${restartedAfter}`,
        deliveryTimeoutMs: 240_000,
      }),
    );
  }, 600_000);
});
