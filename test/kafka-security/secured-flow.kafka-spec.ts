import { readFileSync } from 'node:fs';
import { UNSECURED_KAFKA_WARNING } from '@vigie/messaging';
import {
  SERVICES,
  WebhookSink,
  issueKey,
  prefectureOf,
  registerActivePartner,
  request,
  waitFor,
  waitUntilAccepted,
  type Partner,
  type Stack,
} from '@vigie/testing';
import { newAdminKey } from '../e2e.env';
import { intrusion, postAlert } from '../notification-fixtures';
import { startTestStack } from '../test-stack';

describe('the four services on the secured cluster, each with its own Kafka user', () => {
  const adminKey = newAdminKey();
  let stack: Stack;
  let sink: WebhookSink;
  let firm: Partner;
  let rhone: Partner;
  let webhookId: string;

  beforeAll(async () => {
    // On this project's cluster, each service gets its own user and KAFKA_CREATE_TOPICS=false.
    stack = await startTestStack('kafka-security', 20, { adminKey });
    sink = await WebhookSink.start();
    const registry = { registryUrl: stack.url('partner-registry'), adminKey };
    firm = await registerActivePartner(
      registry,
      { kind: 'SECURITY_FIRM', name: 'Gardiennage sécurisé SAS', departments: ['69'] },
      { conventions: ['private-security-2019'] },
    );
    const prefecture = await prefectureOf(registry, '69');
    rhone = { ...prefecture, key: await issueKey(registry, prefecture.id) };
    // partner.changed.v1 reached ingestion and notification through their own users.
    await waitUntilAccepted(stack.url('alert-ingestion'), firm.key, 60_000);
    await waitUntilAccepted(stack.url('notification'), rhone.key, 60_000);
    const webhook = await request<{ id: string }>('POST', `${stack.url('notification')}/v1/webhooks`, {
      key: rhone.key,
      body: { url: sink.url },
    });
    expect(webhook.status).toBe(201);
    webhookId = webhook.body.id;
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
    await sink?.close();
  }, 30_000);

  it('carries an alert from the firm to the prefecture’s webhook', async () => {
    const alertId = await postAlert(
      stack,
      firm.key,
      intrusion('69123', 'Severe', 'Intrusion, entrepôt du port Édouard-Herriot', 'AMBER'),
    );
    await waitFor(
      () =>
        sink.received.some(
          (received) => (JSON.parse(received.body) as { alert: { alertId: string } }).alert.alertId === alertId,
        ),
      { what: `the webhook delivery of ${alertId}`, timeoutMs: 60_000 },
    );
    // The sink answers before notification records the outcome: poll until it is recorded.
    const statuses = await waitFor(
      async () => {
        const deliveries = await request<{ webhookId: string; status: string }[]>(
          'GET',
          `${stack.url('notification')}/v1/deliveries?alertId=${alertId}`,
          { key: rhone.key },
        );
        const mine = deliveries.body.filter((delivery) => delivery.webhookId === webhookId).map((d) => d.status);
        return mine.includes('pending') ? undefined : mine;
      },
      { what: `the outcome of the delivery of ${alertId}`, timeoutMs: 30_000 },
    );
    expect(statuses).toEqual(['sent']);
  }, 90_000);

  it('logs no warning about an unsecured Kafka connection', () => {
    for (const service of SERVICES) {
      const log = readFileSync(stack.logFile(service), 'utf8');
      expect({ service, warned: log.includes(UNSECURED_KAFKA_WARNING) }).toEqual({ service, warned: false });
      expect(log).not.toMatch(/not authorized|AUTHORIZATION_FAILED/i);
    }
  });
});
