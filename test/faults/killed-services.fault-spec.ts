import { waitFor, type Stack } from '@vigie/testing';
import { newAdminKey } from '../e2e.env';
import { startTestStack } from '../test-stack';
import { expectSettled, settle } from './fault-oracle';
import { prepareWorld, theftStream, type FaultWorld, type Place } from './fault-world';

const ALERTS = 50;

describe('faults: a service killed (SIGKILL) mid-stream and restarted loses nothing and repeats nothing', () => {
  const adminKey = newAdminKey();
  const worlds: FaultWorld[] = [];
  let stack: Stack;

  const streamOf = (world: FaultWorld, name: string, pace: { concurrency: number; intervalMs: number }) =>
    theftStream(world, stack.url('alert-ingestion'), { name, count: ALERTS, ...pace });

  async function world(place: Place, options: { respondAfterMs?: number } = {}): Promise<FaultWorld> {
    const prepared = await prepareWorld(stack, adminKey, place, options);
    worlds.push(prepared);
    return prepared;
  }

  beforeAll(async () => {
    stack = await startTestStack('faults-killed', 300, { adminKey });
  }, 120_000);

  afterAll(async () => {
    for (const prepared of worlds) await prepared.close();
    await stack?.stop();
  }, 60_000);

  it('kill -9 prefect-routing mid-stream, restart it', async () => {
    const gironde = await world({ department: '33', commune: '33063', label: 'Gironde (routage tué)' });
    const stream = streamOf(gironde, 'routing-killed', { concurrency: 2, intervalMs: 100 });
    await stream.reached(ALERTS / 3);
    await stack.stopService('prefect-routing', 'SIGKILL');
    const killedAfter = stream.accepted.length;
    await stream.reached((2 * ALERTS) / 3);
    await stack.startService('prefect-routing');

    expectSettled(
      await settle({
        scenario: 'kill -9 prefect-routing mid-stream, restart it',
        world: gironde,
        streams: [stream],
        notes: `killed after ${killedAfter} alerts accepted`,
      }),
    );
  }, 240_000);

  it('kill -9 notification mid-stream, restart it', async () => {
    // Slow webhooks: the kill catches requests on their way.
    const hauteGaronne = await world(
      { department: '31', commune: '31555', label: 'Haute-Garonne (notification tuée)' },
      { respondAfterMs: 200 },
    );
    const stream = streamOf(hauteGaronne, 'notification-killed', { concurrency: 2, intervalMs: 100 });
    await stream.reached(ALERTS / 3);
    const receivedBefore = () => hauteGaronne.recipients.reduce((total, r) => total + r.sink.received.length, 0);
    await waitFor(() => receivedBefore() > 0, { what: 'the first deliveries', timeoutMs: 30_000 });
    await stack.stopService('notification', 'SIGKILL');
    const killedAfter = receivedBefore();
    await stream.reached((2 * ALERTS) / 3);
    await stack.startService('notification');

    expectSettled(
      await settle({
        scenario: 'kill -9 notification mid-stream, restart it',
        world: hauteGaronne,
        streams: [stream],
        notes: `killed after ${killedAfter} webhook requests, webhooks answering in 200 ms`,
      }),
    );
  }, 240_000);

  it('kill -9 alert-ingestion with requests in flight; clients retry with the same Idempotency-Key', async () => {
    const loireAtlantique = await world({
      department: '44',
      commune: '44109',
      label: 'Loire-Atlantique (ingestion tuée)',
    });
    const stream = streamOf(loireAtlantique, 'ingestion-killed', { concurrency: 4, intervalMs: 10 });
    let finished = false;
    void stream.done.then(() => (finished = true));
    /** The requests a kill at `at` cut on their way: sent before it, ended by a network error after it. */
    const cutBy = (at: number) =>
      stream.attempts.filter((a) => a.startedAt < at && a.endedAt >= at && a.outcome === 'network error');
    const kills: number[] = [];
    await stream.reached(ALERTS / 3);
    // Requests whose answers were already written when the signal came are not cut: kill again
    // (three times at most, while the stream runs) until a kill has cut some.
    while (kills.length < 3 && !kills.some((at) => cutBy(at).length > 0)) {
      await waitFor(() => stream.inFlight >= 2 || finished, {
        what: 'requests in flight',
        timeoutMs: 10_000,
        intervalMs: 1,
      });
      if (finished) break;
      kills.push(Date.now());
      await stack.stopService('alert-ingestion', 'SIGKILL');
      await stack.startService('alert-ingestion');
    }
    const cut = kills.reduce((total, at) => total + cutBy(at).length, 0);

    const verdict = await settle({
      scenario: 'kill -9 alert-ingestion with requests in flight, restart it',
      world: loireAtlantique,
      streams: [stream],
      notes: `${cut} requests cut in flight by ${kills.length === 1 ? 'one kill' : `${kills.length} kills`}`,
    });
    expectSettled(verdict);
    // The fault did hit requests on their way, and clients had to retry.
    expect(cut).toBeGreaterThan(0);
  }, 240_000);
});
