import { TcpProxy, waitFor, type Stack } from '@vigie/testing';
import { e2eEnv, newAdminKey } from '../e2e.env';
import { startTestStack } from '../test-stack';
import { expectSettled, settle } from './fault-oracle';
import { prepareWorld, theftStream, type FaultWorld } from './fault-world';

describe('faults: PostgreSQL out of reach of every service mid-stream', () => {
  const adminKey = newAdminKey();
  let proxy: TcpProxy;
  let stack: Stack;
  let basRhin: FaultWorld;

  beforeAll(async () => {
    const database = new URL(e2eEnv.databaseUrl);
    proxy = await TcpProxy.start({ host: database.hostname, port: Number(database.port || 5432) });
    database.port = String(proxy.address.port);
    // Every service reaches the database through the proxy; the oracle reaches it directly.
    stack = await startTestStack('faults-database', 320, { adminKey }, { databaseUrl: database.toString() });
    basRhin = await prepareWorld(stack, adminKey, {
      department: '67',
      commune: '67482',
      label: 'Bas-Rhin (base coupée)',
    });
  }, 180_000);

  afterAll(async () => {
    await proxy?.open();
    await basRhin?.close();
    await stack?.stop();
    await proxy?.cut();
  }, 120_000);

  it('answers 503, never 201, while the database is away, and then accepts and delivers everything once', async () => {
    const stream = theftStream(basRhin, stack.url('alert-ingestion'), {
      name: 'database-cut',
      count: 50,
      concurrency: 3,
      intervalMs: 100,
    });
    await stream.reached(15);
    await proxy.cut();
    const cutAt = Date.now();
    await waitFor(() => stream.attemptsWithin(cutAt, Date.now()).filter((a) => a.outcome === 503).length >= 6, {
      what: 'clients to be refused with 503',
      timeoutMs: 60_000,
    });
    const openAt = Date.now();
    await proxy.open();
    // Answers to requests sent after the cut and answered before the relay was restored.
    const whileCut = stream.attemptsWithin(cutAt, openAt);

    const verdict = await settle({
      scenario: 'PostgreSQL cut off from every service mid-stream, then back',
      world: basRhin,
      streams: [stream],
      notes: `${whileCut.length} requests answered while cut off, ${whileCut.filter((a) => a.outcome === 503).length} of them with 503`,
    });
    expectSettled(verdict);
    expect(whileCut.length).toBeGreaterThanOrEqual(6);
    expect(whileCut.filter((attempt) => attempt.outcome !== 503)).toEqual([]);
  }, 300_000);
});
