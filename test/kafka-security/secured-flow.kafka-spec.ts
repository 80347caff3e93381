import { readFileSync } from 'node:fs';
import { UNSECURED_KAFKA_WARNING } from '@vigie/messaging';
import { SERVICES, WebhookSink, request, waitFor, type Partner, type Stack } from '@vigie/testing';
import { newAdminKey } from '../e2e.env';
import { intrusion, postAlert, registerWebhook, senderAndPrefecture } from '../notification-fixtures';
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
    // Waits until partner.changed.v1 reached ingestion and notification through their own users.
    ({ firm, prefecture: rhone } = await senderAndPrefecture(
      registry,
      stack,
      'Gardiennage sécurisé SAS',
      '69',
      60_000,
    ));
    webhookId = (await registerWebhook(stack, rhone.key, sink.url)).id;
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
