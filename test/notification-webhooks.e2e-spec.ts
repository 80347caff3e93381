import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { Webhook } from 'standardwebhooks';
import { BroadcastRoutedV1, Topics, createEnvelope } from '@vigie/contracts';
import {
  WebhookSink,
  messagesWithKey,
  registerActivePartner,
  waitFor,
  waitUntilAccepted,
  type Partner,
} from '@vigie/testing';
import { e2eEnv } from './e2e.env';
import {
  PRIVATE_SECURITY,
  bodies,
  deliveriesOf,
  deliveryTo,
  intrusion,
  nationalLevel,
  postAlert,
  registerWebhook,
  subscriber,
  senderAndPrefectureWebhook,
  type DeliveryStatus,
} from './notification-fixtures';
import { useTestStack } from './test-stack';

// The receiver's side of the deprecated Vigie-Signature, as the README documents it.
function verify(secret: string, rawBody: string, timestamp: string, signatures: string): boolean {
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest();
  return signatures.split(',').some((signature) => {
    const given = Buffer.from(signature.trim().replace(/^v1=/, ''), 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

const BORDEAUX = '33063';
const brokers = [e2eEnv.kafkaBrokers];

// In Gironde, so that other files' prefecture webhooks play no part.
describe('notification webhooks: signed, isolated, retried, effectively once', () => {
  const world = useTestStack('notification-webhooks', 120, {
    env: {
      // A hanging endpoint keeps its attempt open for the whole file; retries come quickly.
      WEBHOOK_TIMEOUT_MS: '60000',
      DELIVERY_RETRY_BASE_MS: '100',
      WEBHOOK_MAX_ATTEMPTS: '6',
    },
  });
  let firm: Partner;
  let prefecture: Partner;
  let prefectureSink: WebhookSink;
  let prefectureWebhook: { id: string; secret: string };
  const sinks: WebhookSink[] = [];
  const kafka = new Kafka({ clientId: 'vigie-e2e-webhooks', brokers, logLevel: logLevel.NOTHING });
  let producer: Producer;

  const sink = async (respond?: Parameters<typeof WebhookSink.start>[0]): Promise<WebhookSink> => {
    const started = await WebhookSink.start(respond);
    sinks.push(started);
    return started;
  };
  const about = (received: WebhookSink['received'], alertId: string) =>
    received.filter((r) => bodies([r])[0].alert?.alertId === alertId);
  /** An intrusion in Bordeaux, once the prefecture's webhook has taken its delivery. */
  async function sentToPrefecture(headline: string): Promise<{ alertId: string; delivery: DeliveryStatus }> {
    const alertId = await postAlert(world.stack, firm.key, intrusion(BORDEAUX, 'Moderate', headline));
    const delivery = await deliveryTo(world.stack, prefecture.key, alertId, prefectureWebhook.id, ['sent']);
    return { alertId, delivery };
  }

  beforeAll(async () => {
    ({
      firm,
      prefecture,
      sink: prefectureSink,
      webhook: prefectureWebhook,
    } = await senderAndPrefectureWebhook(world.registry, world.stack, 'Aquitaine Surveillance Émettrice', '33'));
    sinks.push(prefectureSink);
    await waitUntilAccepted(world.stack.url('notification'), firm.key);
    producer = kafka.producer();
    await producer.connect();
  }, 180_000);

  world.beforeStop(async () => {
    await producer?.disconnect();
  });
  afterAll(async () => {
    for (const started of sinks) await started.close();
  }, 60_000);

  it('signs each delivery per Standard Webhooks: the reference library verifies it with the secret as issued', async () => {
    const { alertId } = await sentToPrefecture('Intrusion, chais des Chartrons');

    const [received] = about(prefectureSink.received, alertId);
    const headers = received.headers as Record<string, string>;
    expect(prefectureWebhook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(new Webhook(prefectureWebhook.secret).verify(received.body, headers)).toMatchObject({
      type: 'alert.routed',
      alert: { alertId },
    });
    expect(() =>
      new Webhook(prefectureWebhook.secret).verify(received.body.replace('Chartrons', 'Quinconces'), headers),
    ).toThrow('No matching signature');
    expect(headers['webhook-id']).toBe(JSON.parse(received.body).deliveryId);
    expect(headers['webhook-timestamp']).toBe(headers['vigie-timestamp']);
  }, 60_000);

  it('still signs with the deprecated Vigie-Signature, verified by the documented recipe, with a stable delivery id as idempotency key', async () => {
    const { alertId } = await sentToPrefecture('Intrusion, chais des Chartrons');

    const [received] = about(prefectureSink.received, alertId);
    const timestamp = received.headers['vigie-timestamp'] as string;
    const signature = received.headers['vigie-signature'] as string;
    expect(verify(prefectureWebhook.secret, received.body, timestamp, signature)).toBe(true);
    expect(
      verify(prefectureWebhook.secret, received.body.replace('Chartrons', 'Quinconces'), timestamp, signature),
    ).toBe(false);
    expect(verify('whsec_another', received.body, timestamp, signature)).toBe(false);
    expect(verify(prefectureWebhook.secret, received.body, String(Number(timestamp) - 301), signature)).toBe(false);

    const body = JSON.parse(received.body);
    expect(received.headers['vigie-delivery-id']).toBe(body.deliveryId);
    expect(received.headers['idempotency-key']).toBe(body.deliveryId);
    expect(body).toMatchObject({
      type: 'alert.routed',
      alert: { alertId, location: { department: '33' } },
      recipient: { organisationId: prefecture.id, rule: 'competent-prefecture' },
    });
  }, 60_000);

  it('keeps delivering to healthy endpoints while one accepts the connection and never answers', async () => {
    const partner = await subscriber(world.registry, world.stack, 'Télésurveillance Girondine', '33');
    const partnerSink = await sink();
    const partnerWebhook = await registerWebhook(world.stack, partner.key, partnerSink.url);
    const hanging = await sink(() => 'hang');
    const hangingWebhook = await registerWebhook(world.stack, prefecture.key, hanging.url);

    const first = await postAlert(
      world.stack,
      firm.key,
      intrusion(BORDEAUX, 'Moderate', 'Intrusion, entrepôt de Bacalan'),
    );
    await waitFor(() => about(hanging.received, first).length === 1, { what: 'the hanging endpoint to be called' });
    await deliveryTo(world.stack, prefecture.key, first, prefectureWebhook.id, ['sent']);
    await deliveryTo(world.stack, partner.key, first, partnerWebhook.id, ['sent']);
    // Both were delivered while the hanging endpoint still holds its first attempt open.
    const held = (await deliveriesOf(world.stack, prefecture.key, first)).find(
      (d) => d.webhookId === hangingWebhook.id,
    );
    expect(held).toMatchObject({ status: 'pending', attempts: 1, lastError: null });

    // And so is the next alert: the hanging endpoint's queue is its own.
    const second = await postAlert(world.stack, firm.key, intrusion(BORDEAUX, 'Moderate', 'Intrusion, quai de Brazza'));
    await deliveryTo(world.stack, prefecture.key, second, prefectureWebhook.id, ['sent']);
    await deliveryTo(world.stack, partner.key, second, partnerWebhook.id, ['sent']);
    expect(about(hanging.received, second)).toHaveLength(0);
    expect(
      (await deliveriesOf(world.stack, prefecture.key, first)).find((d) => d.webhookId === hangingWebhook.id),
    ).toMatchObject({
      status: 'pending',
      attempts: 1,
    });
    expect(about(partnerSink.received, first)).toHaveLength(1);
    expect(about(partnerSink.received, second)).toHaveLength(1);

    // Retire it: what it still had to receive is abandoned, with the reason.
    expect(
      (
        await fetch(`${world.stack.url('notification')}/v1/webhooks/${hangingWebhook.id}`, {
          method: 'DELETE',
          headers: { authorization: `Bearer ${prefecture.key}` },
        })
      ).status,
    ).toBe(204);
    const abandoned = await deliveryTo(world.stack, prefecture.key, second, hangingWebhook.id, ['dead']);
    expect(abandoned.lastError).toBe('webhook disabled before delivery');
  }, 90_000);

  it('retries an endpoint failing five times with backoff, then it receives the alert once', async () => {
    const partner = await subscriber(world.registry, world.stack, 'Gardiennage du Médoc', '33');
    const flaky = await sink((_, index) => (index < 5 ? 503 : 204));
    const webhook = await registerWebhook(world.stack, partner.key, flaky.url);

    const alertId = await postAlert(
      world.stack,
      firm.key,
      intrusion(BORDEAUX, 'Moderate', 'Intrusion, zone portuaire'),
    );
    const seen = new Set<string>();
    const sent = await waitFor(
      async () => {
        const delivery = (await deliveriesOf(world.stack, partner.key, alertId)).find(
          (d) => d.webhookId === webhook.id,
        );
        if (delivery) seen.add(delivery.status);
        return delivery?.status === 'sent' ? delivery : undefined;
      },
      { what: 'the flaky endpoint to get the alert', timeoutMs: 60000, intervalMs: 20 },
    );
    expect(sent).toMatchObject({ attempts: 6, lastError: null });
    expect(seen).toContain('failed');

    const attempts = about(flaky.received, alertId);
    expect(attempts.map((a) => a.answered)).toEqual([503, 503, 503, 503, 503, 204]);
    expect(new Set(attempts.map((a) => a.headers['idempotency-key'])).size).toBe(1);
    expect(attempts[0].headers['idempotency-key']).toBe(sent.id);
    // The Standard Webhooks id too: the receiver dedupes the retries on it; each attempt verifies.
    expect(attempts.map((a) => a.headers['webhook-id'])).toEqual(attempts.map(() => sent.id));
    for (const attempt of attempts) {
      expect(new Webhook(webhook.secret).verify(attempt.body, attempt.headers as Record<string, string>)).toBeTruthy();
    }
    // Backoff: the gaps grow.
    const gaps = attempts.slice(1).map((a, i) => a.receivedAt - attempts[i].receivedAt);
    expect(gaps[4]).toBeGreaterThan(gaps[0]);

    // A later alert reaches it too; the first one never comes again.
    const later = await postAlert(world.stack, firm.key, intrusion(BORDEAUX, 'Moderate', 'Intrusion, hangar 14'));
    await deliveryTo(world.stack, partner.key, later, webhook.id, ['sent']);
    expect(about(flaky.received, alertId).filter((a) => a.answered === 204)).toHaveLength(1);
    expect(about(flaky.received, alertId)).toHaveLength(6);
  }, 120_000);

  it('gives up after the maximum attempts, or at once on 410, with a dead-letter record and event', async () => {
    const partner = await subscriber(world.registry, world.stack, 'Sécurité Bassin d’Arcachon', '33');
    const broken = await sink(() => 500);
    const gone = await sink(() => 410);
    const brokenWebhook = await registerWebhook(world.stack, partner.key, broken.url);
    const goneWebhook = await registerWebhook(world.stack, partner.key, gone.url);

    const alertId = await postAlert(world.stack, firm.key, intrusion(BORDEAUX, 'Moderate', 'Intrusion, dune du Pilat'));
    const dead = await deliveryTo(world.stack, partner.key, alertId, brokenWebhook.id, ['dead'], 60000);
    expect(dead).toMatchObject({ attempts: 6, lastError: 'HTTP 500 (gave up after 6 attempts)' });
    expect(about(broken.received, alertId)).toHaveLength(6);
    const gave = await deliveryTo(world.stack, partner.key, alertId, goneWebhook.id, ['dead']);
    expect(gave).toMatchObject({ attempts: 1 });
    expect(gave.lastError).toMatch(/^HTTP 410: the endpoint is gone, webhook disabled$/);
    const webhooks = await fetch(`${world.stack.url('notification')}/v1/webhooks`, {
      headers: { authorization: `Bearer ${partner.key}` },
    }).then((r) => r.json() as Promise<{ id: string; disabledAt: string | null }[]>);
    expect(webhooks.find((w) => w.id === goneWebhook.id)?.disabledAt).not.toBeNull();
    expect(webhooks.find((w) => w.id === brokenWebhook.id)?.disabledAt).toBeNull();

    const events = await waitFor(
      async () => {
        const found = [
          ...(await messagesWithKey(brokers, Topics.DeliveryDeadV1, dead.id)),
          ...(await messagesWithKey(brokers, Topics.DeliveryDeadV1, gave.id)),
        ];
        return found.length === 2 ? found : undefined;
      },
      { what: 'delivery.dead.v1 for both deliveries', timeoutMs: 30000 },
    );
    const payloads = events.map((m) => JSON.parse(m.value!.toString()).payload);
    expect(payloads).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          deliveryId: dead.id,
          subjectId: alertId,
          messageType: 'alert.routed',
          organisationId: partner.id,
          channel: 'webhook',
          webhookId: brokenWebhook.id,
          attempts: 6,
          reason: 'HTTP 500 (gave up after 6 attempts)',
        }),
        expect.objectContaining({ deliveryId: gave.id, attempts: 1, webhookId: goneWebhook.id }),
      ]),
    );
  }, 120_000);

  it('gives a redelivered or repeated routing event no second effect at any endpoint', async () => {
    const { alertId, delivery: delivered } = await sentToPrefecture('Intrusion, gare Saint-Jean');
    const [routed] = await messagesWithKey(brokers, Topics.AlertRoutedV1, alertId);
    const again = JSON.parse(routed.value!.toString());
    const sent = await producer.send({
      topic: Topics.AlertRoutedV1,
      messages: [
        // The same event again (a redelivery), and the same routing under a new event id.
        { key: alertId, value: routed.value },
        { key: alertId, value: JSON.stringify({ ...again, id: randomUUID() }) },
      ],
    });
    const admin = kafka.admin();
    await admin.connect();
    try {
      await waitFor(
        async () => {
          const [committed] = await admin.fetchOffsets({ groupId: 'notification', topics: [Topics.AlertRoutedV1] });
          const partition = committed.partitions.find((p) => p.partition === sent[0].partition);
          return Number(partition?.offset ?? -1) > Number(sent[0].baseOffset) + 1;
        },
        { what: 'notification to consume both copies', timeoutMs: 30000, intervalMs: 200 },
      );
    } finally {
      await admin.disconnect();
    }
    const deliveries = (await deliveriesOf(world.stack, prefecture.key, alertId)).filter(
      (d) => d.webhookId === prefectureWebhook.id,
    );
    expect(deliveries).toEqual([expect.objectContaining({ id: delivered.id, status: 'sent', attempts: 1 })]);
    expect(about(prefectureSink.received, alertId)).toHaveLength(1);
  }, 90_000);

  it('shows deliveries to the sender (all), a recipient (its own), an administrator (all), and nobody else', async () => {
    const partner = await subscriber(world.registry, world.stack, 'Vigilance Saint-Émilion', '33');
    const partnerWebhook = await registerWebhook(world.stack, partner.key, (await sink()).url);
    const outsider = await registerActivePartner(
      world.registry,
      { kind: 'SECURITY_FIRM', name: 'Outsider Landais', departments: ['40'] },
      { conventions: [PRIVATE_SECURITY] },
    );
    await waitUntilAccepted(world.stack.url('notification'), outsider.key);
    const administrator = await nationalLevel(world.registry, ['admin']);
    await waitUntilAccepted(world.stack.url('notification'), administrator.key);

    const { alertId } = await sentToPrefecture('Intrusion, cave coopérative');
    await deliveryTo(world.stack, partner.key, alertId, partnerWebhook.id, ['sent']);

    const bySender = await deliveriesOf(world.stack, firm.key, alertId);
    expect(bySender.map((d) => d.organisationId)).toEqual(expect.arrayContaining([prefecture.id, partner.id]));
    const byPartner = await deliveriesOf(world.stack, partner.key, alertId);
    expect(byPartner.length).toBeGreaterThan(0);
    expect(byPartner.every((d) => d.organisationId === partner.id)).toBe(true);
    const byAdmin = await deliveriesOf(world.stack, administrator.key, alertId);
    expect(byAdmin.map((d) => d.id).sort()).toEqual(bySender.map((d) => d.id).sort());
    expect(await deliveriesOf(world.stack, outsider.key, alertId)).toEqual([]);
  }, 90_000);

  it('delivers a routed broadcast to its recipients’ webhooks, signed, once', async () => {
    const partner = await subscriber(world.registry, world.stack, 'Commerces de la Rue Sainte-Catherine', '33');
    const partnerSink = await sink();
    const webhook = await registerWebhook(world.stack, partner.key, partnerSink.url);
    const broadcastId = randomUUID();
    const envelope = createEnvelope(
      BroadcastRoutedV1,
      {
        broadcast: {
          broadcastId,
          senderOrganisationId: prefecture.id,
          senderName: 'Préfecture de la Gironde',
          sent: new Date().toISOString(),
          status: 'Actual',
          tlp: 'GREEN',
          severity: 'Moderate',
          headline: 'Vigilance renforcée : vols à la voiture bélier',
          description: 'Plusieurs commerces visités la nuit dernière en Gironde.',
          audience: { departments: ['33'], sectors: [], conventions: [] },
        },
        decisionId: randomUUID(),
        routedAt: new Date().toISOString(),
        recipients: [{ organisationId: partner.id, rule: 'broadcast-audience', reason: 'partner in Gironde' }],
      } as never,
      { producer: 'prefect-routing' },
    );
    await producer.send({
      topic: Topics.BroadcastRoutedV1,
      messages: [
        { key: broadcastId, value: JSON.stringify(envelope) },
        { key: broadcastId, value: JSON.stringify(envelope) },
      ],
    });
    await deliveryTo(world.stack, partner.key, broadcastId, webhook.id, ['sent']);
    const received = partnerSink.received.filter((r) => JSON.parse(r.body).broadcast?.broadcastId === broadcastId);
    expect(received).toHaveLength(1);
    const body = JSON.parse(received[0].body);
    expect(body).toMatchObject({
      type: 'broadcast.routed',
      broadcast: { headline: expect.stringContaining('bélier') },
    });
    expect(
      verify(
        webhook.secret,
        received[0].body,
        received[0].headers['vigie-timestamp'] as string,
        received[0].headers['vigie-signature'] as string,
      ),
    ).toBe(true);
    // The sender sees it was delivered; the prefecture's own webhook got nothing (not a recipient).
    expect((await deliveriesOf(world.stack, prefecture.key, broadcastId)).map((d) => d.status)).toEqual(['sent']);
    expect(prefectureSink.received.filter((r) => r.body.includes(broadcastId))).toHaveLength(0);
  }, 90_000);
});
