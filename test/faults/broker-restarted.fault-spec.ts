import { waitFor, type Stack } from '@vigie/testing';
import { newAdminKey } from '../e2e.env';
import { startTestStack, testBroker } from '../test-stack';
import { expectSettled, settle } from './fault-oracle';
import { prepareWorld, theftStream, type FaultWorld } from './fault-world';

describe('faults: the Kafka broker stopped and restarted mid-stream', () => {
  const adminKey = newAdminKey();
  let stack: Stack;
  let nord: FaultWorld;

  beforeAll(async () => {
    stack = await startTestStack('faults-broker', 310, { adminKey });
    nord = await prepareWorld(stack, adminKey, { department: '59', commune: '59350', label: 'Nord (broker arrêté)' });
  }, 180_000);

  afterAll(async () => {
    await testBroker('up');
    await nord?.close();
    await stack?.stop();
  }, 120_000);

  it('accepts alerts while the broker is away and delivers every one, once, after it returns', async () => {
    const stream = theftStream(nord, stack.url('alert-ingestion'), {
      name: 'broker-restarted',
      count: 60,
      concurrency: 1,
      intervalMs: 200,
    });
    await stream.reached(10);
    await testBroker('down');
    const downAt = Date.now();
    const acceptedSince = (instant: number) =>
      stream.attempts.filter((attempt) => attempt.outcome === 201 && attempt.startedAt >= instant).length;
    await waitFor(() => acceptedSince(downAt) >= 10, {
      what: 'alerts accepted while the broker is down',
      timeoutMs: 60_000,
    });
    const acceptedWhileDown = acceptedSince(downAt);
    await testBroker('up');

    expectSettled(
      await settle({
        scenario: 'Kafka broker stopped mid-stream, restarted',
        world: nord,
        streams: [stream],
        notes: `${acceptedWhileDown} alerts accepted while the broker was stopped`,
        deliveryTimeoutMs: 180_000,
      }),
    );
  }, 300_000);
});
