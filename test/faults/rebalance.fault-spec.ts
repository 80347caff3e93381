import type { Admin } from 'kafkajs';
import { Topics } from '@vigie/contracts';
import { SERVICES, waitFor, type Stack } from '@vigie/testing';
import { newAdminKey } from '../e2e.env';
import { startTestStack } from '../test-stack';
import { faultKafka, memberAssignments } from './consumer-groups';
import { expectSettled, settle } from './fault-oracle';
import { prepareWorld, theftStream, type FaultWorld } from './fault-world';

/** The partitions of `topic` each live member of a group holds. */
async function holdings(admin: Admin, groupId: string, topic: string): Promise<number[][]> {
  return (await memberAssignments(admin, groupId)).map((assigned) => [...(assigned[topic] ?? [])].sort());
}

describe('faults: two instances of routing and of notification in one consumer group, one of each killed', () => {
  const adminKey = newAdminKey();
  const admin = faultKafka.admin();
  let stack: Stack;
  let illeEtVilaine: FaultWorld;

  beforeAll(async () => {
    await admin.connect();
    stack = await startTestStack(
      'faults-rebalance',
      340,
      { adminKey },
      { services: [...SERVICES, 'prefect-routing#2', 'notification#2'] },
    );
    illeEtVilaine = await prepareWorld(
      stack,
      adminKey,
      { department: '35', commune: '35238', label: 'Ille-et-Vilaine (rééquilibrage)' },
      { respondAfterMs: 100 },
    );
  }, 180_000);

  afterAll(async () => {
    await admin.disconnect();
    await illeEtVilaine?.close();
    await stack?.stop();
  }, 120_000);

  it('loses nothing when the group rebalances onto the surviving instances', async () => {
    // Both instances of each service hold partitions of the topic it routes or delivers from.
    for (const [groupId, topic] of [
      ['prefect-routing', Topics.AlertSubmittedV1],
      ['notification', Topics.AlertRoutedV1],
    ]) {
      await waitFor(
        async () => {
          const held = await holdings(admin, groupId, topic);
          return held.length === 2 && held.every((partitions) => partitions.length > 0);
        },
        { what: `two members of ${groupId} sharing ${topic}`, timeoutMs: 60_000, intervalMs: 500 },
      );
    }

    const stream = theftStream(illeEtVilaine, stack.url('alert-ingestion'), {
      name: 'rebalance',
      count: 60,
      concurrency: 2,
      intervalMs: 100,
    });
    await stream.reached(20);
    await stack.stopService('prefect-routing#2', 'SIGKILL');
    const routingKilledAfter = stream.accepted.length;
    await stream.reached(35);
    await stack.stopService('notification#2', 'SIGKILL');
    const notificationKilledAfter = stream.accepted.length;

    expectSettled(
      await settle({
        scenario: 'two instances of routing and of notification, one of each killed mid-stream (rebalance)',
        world: illeEtVilaine,
        streams: [stream],
        notes:
          `second routing instance killed after ${routingKilledAfter} alerts accepted, ` +
          `second notification instance after ${notificationKilledAfter}; not restarted`,
      }),
    );
    // The survivors took every partition over.
    expect(await holdings(admin, 'prefect-routing', Topics.AlertSubmittedV1)).toEqual([[0, 1, 2]]);
    expect(await holdings(admin, 'notification', Topics.AlertRoutedV1)).toEqual([[0, 1, 2]]);
  }, 300_000);
});
