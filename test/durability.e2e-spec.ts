import { Topics } from '@vigie/contracts';
import {
  TcpProxy,
  WebhookSink,
  messagesWithKey,
  request,
  waitFor,
  waitUntilAccepted,
  type Partner,
  type Stack,
} from '@vigie/testing';
import { e2eEnv, newAdminKey, newSecretsKey } from './e2e.env';
import { senderAndPrefectureWebhook } from './notification-fixtures';
import { startTestStack, testBroker } from './test-stack';

const alertBody = (headline: string) => ({
  status: 'Actual',
  location: { commune: '69123' },
  info: [
    {
      category: ['Security'],
      eventCode: 'theft',
      urgency: 'Expected',
      severity: 'Moderate',
      certainty: 'Likely',
      headline,
    },
  ],
});

describe('durability: an accepted alert is never lost, and nothing is accepted that cannot be kept', () => {
  const adminKey = newAdminKey();
  const secretsKey = newSecretsKey();
  let stack: Stack;
  let sink: WebhookSink;
  let firm: Partner;

  const delivered = (alertId: string): boolean =>
    sink.received.some(
      (received) => (JSON.parse(received.body) as { alert: { alertId: string } }).alert.alertId === alertId,
    );

  beforeAll(async () => {
    stack = await startTestStack('durability', 60, { adminKey, webhookSecretsKey: secretsKey });
    const registry = { registryUrl: stack.url('partner-registry'), adminKey };
    ({ firm, sink } = await senderAndPrefectureWebhook(registry, stack, 'Veille Durable', '69'));
  }, 120_000);

  afterAll(async () => {
    await testBroker('up');
    await stack?.stop();
    await sink?.close();
  }, 60_000);

  it('accepts alerts while the broker is down and publishes every one, once, when it returns', async () => {
    await testBroker('down');
    // Every consumer has noticed before anything is sent.
    for (const service of ['alert-ingestion', 'prefect-routing', 'notification'] as const) {
      await waitFor(async () => (await request('GET', `${stack.url(service)}/health`)).status === 503, {
        what: `${service} to report the broker down`,
        timeoutMs: 30_000,
        intervalMs: 250,
      });
    }
    const accepted: string[] = [];
    for (let i = 0; i < 10; i++) {
      const response = await request<any>('POST', `${stack.url('alert-ingestion')}/v1/alerts`, {
        key: firm.key,
        body: alertBody(`Vol à l'étalage ${i} (broker down)`),
      });
      expect(response.status).toBe(201);
      accepted.push(response.body.id);
    }
    expect(accepted.some(delivered)).toBe(false);

    await testBroker('up');
    await waitFor(() => accepted.every(delivered), {
      what: 'every alert accepted while the broker was down to be delivered',
      timeoutMs: 60_000,
      intervalMs: 200,
    });
    for (const alertId of accepted) {
      expect(await messagesWithKey([e2eEnv.kafkaBrokers], Topics.AlertSubmittedV1, alertId)).toHaveLength(1);
    }
  }, 120_000);

  it('answers 503, never 201, while PostgreSQL is out of reach, and recovers', async () => {
    const database = new URL(e2eEnv.databaseUrl);
    const proxy = await TcpProxy.start({ host: database.hostname, port: Number(database.port || 5432) });
    database.port = String(proxy.address.port);
    const throughProxy = await startTestStack(
      'durability-database',
      70,
      { adminKey, webhookSecretsKey: secretsKey },
      { databaseUrl: database.toString(), services: ['alert-ingestion'] },
    );
    try {
      const url = `${throughProxy.url('alert-ingestion')}/v1/alerts`;
      await waitUntilAccepted(throughProxy.url('alert-ingestion'), firm.key);
      await proxy.cut();
      for (let i = 0; i < 3; i++) {
        const refused = await request<any>('POST', url, { key: firm.key, body: alertBody(`base injoignable ${i}`) });
        expect(refused.status).toBe(503);
        expect(refused.body).toMatchObject({
          status: 503,
          error: 'unavailable',
          detail: 'temporarily unavailable; retry later',
        });
        expect(refused.headers.get('retry-after')).toBe('5');
      }
      await proxy.open();
      const accepted = await waitFor(
        async () => {
          const response = await request<any>('POST', url, { key: firm.key, body: alertBody('base revenue') });
          expect(response.status).not.toBe(500);
          return response.status === 201 ? response : undefined;
        },
        { what: 'ingestion to accept alerts again', timeoutMs: 20_000, intervalMs: 250 },
      );
      await waitFor(() => delivered(accepted.body.id), {
        what: 'the alert accepted after recovery',
        timeoutMs: 20_000,
      });
    } finally {
      await throughProxy.stop();
      await proxy.cut();
    }
  }, 120_000);
});
