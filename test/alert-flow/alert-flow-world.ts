import { Kafka, logLevel, type Producer } from 'kafkajs';
import {
  Stack,
  WebhookSink,
  quaiRambaudIntrusion,
  request,
  waitFor,
  type Partner,
  type ReceivedRequest,
} from '@vigie/testing';
import { e2eEnv, newAdminKey } from '../e2e.env';
import { registerWebhook, senderAndPrefecture } from '../notification-fixtures';
import { startTestStack } from '../test-stack';

export { PRIVATE_SECURITY } from '../notification-fixtures';

/**
 * The shared set-up of the alert-flow files (test/alert-flow*.e2e-spec.ts): the four services,
 * a security firm of the Rhône that sends alerts, the Rhône prefecture that receives them at a
 * webhook of this file's own, and a Kafka producer for the tests that write to topics directly.
 */
export const brokers = [e2eEnv.kafkaBrokers];

export const intrusionInfo = {
  ...quaiRambaudIntrusion,
  description: 'Deux individus détectés par vidéoprotection, agent sur place.',
};

export const intrusionInLyon = {
  status: 'Actual',
  tlp: 'AMBER',
  location: { commune: '69123' },
  info: [intrusionInfo],
};

export class AlertFlowWorld {
  readonly adminKey = newAdminKey();
  readonly kafka = new Kafka({ clientId: 'vigie-e2e', brokers, logLevel: logLevel.NOTHING });
  stack!: Stack;
  sink!: WebhookSink;
  firm!: Partner;
  rhone!: { id: string; name: string; key: string };
  webhookSecret!: string;
  webhookId!: string;
  registry!: { registryUrl: string; adminKey: string };
  producer!: Producer;

  postAlert = (key: string | undefined, body: unknown, headers: Record<string, string> = {}) =>
    request<any>('POST', `${this.stack.url('alert-ingestion')}/v1/alerts`, { key, body, headers });

  deliveriesTo = (alertId: string): ReceivedRequest[] =>
    this.sink.received.filter(
      (received) => (JSON.parse(received.body) as { alert: { alertId: string } }).alert.alertId === alertId,
    );

  /** Posts a valid alert and waits until its delivery to the Rhône prefecture is recorded as sent. */
  alertDelivered = async (): Promise<string> => {
    const created = await this.postAlert(this.firm.key, intrusionInLyon);
    expect(created.status).toBe(201);
    const alertId = created.body.id as string;
    await waitFor(
      async () => {
        const result = await request<any[]>(
          'GET',
          `${this.stack.url('notification')}/v1/deliveries?alertId=${alertId}`,
          { key: this.rhone.key },
        );
        // Other files may have left webhooks for the same prefecture: look at this file's one.
        const ours = result.body.filter((delivery) => delivery.webhookId === this.webhookId);
        return ours.length === 1 && ours[0].status === 'sent';
      },
      { what: `the delivery of ${alertId} to be sent`, timeoutMs: 15000 },
    );
    return alertId;
  };

  async start(name: string, portOffset: number, firmName: string): Promise<void> {
    this.stack = await startTestStack(name, portOffset, { adminKey: this.adminKey });
    this.sink = await WebhookSink.start();
    this.registry = { registryUrl: this.stack.url('partner-registry'), adminKey: this.adminKey };
    // Services learn keys from partner.changed.v1: this waits until they have.
    ({ firm: this.firm, prefecture: this.rhone } = await senderAndPrefecture(
      this.registry,
      this.stack,
      firmName,
      '69',
    ));
    const webhook = await registerWebhook(this.stack, this.rhone.key, this.sink.url);
    this.webhookSecret = webhook.secret;
    this.webhookId = webhook.id;
    this.producer = this.kafka.producer();
    await this.producer.connect();
  }

  async stop(): Promise<void> {
    // The next file's prefecture webhook is its own: stop deliveries to this file's closed sink.
    if (this.webhookId)
      await request('DELETE', `${this.stack.url('notification')}/v1/webhooks/${this.webhookId}`, {
        key: this.rhone.key,
      });
    await this.producer?.disconnect();
    await this.stack?.stop();
    await this.sink?.close();
  }
}

/** One world for the spec file that calls it, started before its tests and stopped after them. */
export function useAlertFlowWorld(name: string, portOffset: number, firmName: string): AlertFlowWorld {
  const world = new AlertFlowWorld();
  beforeAll(() => world.start(name, portOffset, firmName), 120_000);
  afterAll(() => world.stop(), 30_000);
  return world;
}
