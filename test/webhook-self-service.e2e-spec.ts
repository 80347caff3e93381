import { Webhook } from 'standardwebhooks';
import type { components } from '@vigie/client';
import {
  SmtpSink,
  WebhookSink,
  issueKey,
  request,
  waitFor,
  waitUntilAccepted,
  type Partner,
  type SinkResponder,
} from '@vigie/testing';
import {
  deliveriesOf,
  intrusion,
  postAlert,
  registerWebhook,
  senderAndPrefecture,
  subscriber,
} from './notification-fixtures';
import { useTestStack } from './test-stack';

type DeliveryItem = components['schemas']['WebhookDeliveryView'];
type WebhookItem = Pick<
  components['schemas']['WebhookView'],
  'id' | 'disabledAt' | 'disabledReason' | 'previousSecretExpiresAt'
>;

const PERIGUEUX = '24322';
const REFERENT = 'astreinte@perigord-surveillance.test';

// In Dordogne, so that other files' webhooks play no part.
describe('webhook self-service: test events, delivery log, redelivery, rotation, disabling', () => {
  const world = useTestStack('webhook-self-service', 280, async () => {
    smtp = await SmtpSink.start();
    return {
      env: {
        SMTP_URL: smtp.url,
        DELIVERY_RETRY_BASE_MS: '100',
        WEBHOOK_MAX_ATTEMPTS: '2',
        // Five failed attempts in a row disable an endpoint, however short the run.
        WEBHOOK_DISABLE_AFTER_FAILURES: '5',
        WEBHOOK_DISABLE_AFTER_SECONDS: '0',
      },
    };
  });
  let smtp: SmtpSink;
  let firm: Partner;
  let partner: Partner;
  let outsider: Partner;
  const sinks: WebhookSink[] = [];

  const sink = async (respond?: SinkResponder): Promise<WebhookSink> => {
    const started = await WebhookSink.start(respond);
    sinks.push(started);
    return started;
  };
  const api = <T>(method: string, path: string, body?: unknown, key = partner.key) =>
    request<T>(method, `${world.stack.url('notification')}/v1/webhooks${path}`, { key, body });
  const deliveries = async (webhookId: string, query = ''): Promise<DeliveryItem[]> => {
    const page = await api<{ items: DeliveryItem[] }>('GET', `/${webhookId}/deliveries${query}`);
    expect(page.status).toBe(200);
    return page.body.items;
  };
  const deliveryIn = (webhookId: string, id: string, statuses: string[], timeoutMs = 20000) =>
    waitFor(async () => (await deliveries(webhookId)).find((d) => d.id === id && statuses.includes(d.status)), {
      what: `delivery ${id} to be ${statuses.join(' or ')}`,
      timeoutMs,
    });
  const sendTest = async (webhookId: string): Promise<DeliveryItem> => {
    const queued = await api<DeliveryItem>('POST', `/${webhookId}/test`);
    expect(queued.status).toBe(202);
    return queued.body;
  };
  const webhookNamed = async (id: string): Promise<WebhookItem> =>
    (await api<WebhookItem[]>('GET', '')).body.find((w) => w.id === id)!;
  const receivedWithId = (target: WebhookSink, id: string) =>
    target.received.filter((r) => r.headers['webhook-id'] === id);

  beforeAll(async () => {
    ({ firm } = await senderAndPrefecture(world.registry, world.stack, 'Périgord Alarmes Émettrice', '24'));
    partner = await subscriber(world.registry, world.stack, 'Périgord Surveillance', '24');
    const referent = await request('POST', `${world.registry.registryUrl}/v1/organizations/${partner.id}/referents`, {
      key: world.adminKey,
      body: {
        department: '24',
        role: 'PRIMARY',
        fullName: 'Astreinte Périgord',
        email: REFERENT,
        phone: '+33 5 53 00 24 24',
      },
    });
    expect(referent.status).toBe(201);
    // Issued after the referent: once notification knows the key, it knows the referent.
    partner.key = await issueKey(world.registry, partner.id);
    await waitUntilAccepted(world.stack.url('notification'), partner.key);
    outsider = await subscriber(world.registry, world.stack, 'Sarlat Gardiennage', '24');
  }, 180_000);

  afterAll(async () => {
    for (const started of sinks) await started.close();
    await smtp?.close();
  }, 60_000);

  it('sends a signed test event, marked as such, then lists it with its status, response code and timing', async () => {
    const target = await sink();
    const webhook = await registerWebhook(world.stack, partner.key, target.url);
    const queued = await sendTest(webhook.id);
    expect(queued).toMatchObject({ type: 'vigie.test', status: 'pending', attempts: 0 });

    const sent = await deliveryIn(webhook.id, queued.id, ['sent']);
    expect(sent).toMatchObject({ attempts: 1, responseStatus: 204, lastError: null, subjectId: queued.subjectId });
    expect(sent.durationMs).toEqual(expect.any(Number));
    expect(Date.parse(sent.lastAttemptAt!)).toBeGreaterThanOrEqual(Date.parse(sent.sentAt!) - 1000);

    const [received] = receivedWithId(target, queued.id);
    const payload = new Webhook(webhook.secret).verify(received.body, received.headers as Record<string, string>);
    expect(payload).toMatchObject({ type: 'vigie.test', test: true, deliveryId: queued.id, webhookId: webhook.id });
    expect(payload).not.toHaveProperty('alert');
  }, 60_000);

  it('pages through an endpoint’s deliveries, newest first, bounded, filtered by status', async () => {
    const webhook = await registerWebhook(world.stack, partner.key, (await sink()).url);
    const queued = [];
    for (let i = 0; i < 3; i++) queued.push(await sendTest(webhook.id));
    for (const delivery of queued) await deliveryIn(webhook.id, delivery.id, ['sent']);

    const first = await api<{ items: DeliveryItem[]; nextCursor: string }>('GET', `/${webhook.id}/deliveries?limit=2`);
    expect(first.body.items.map((d) => d.id)).toEqual([queued[2].id, queued[1].id]);
    const second = await api<{ items: DeliveryItem[]; nextCursor: string | null }>(
      'GET',
      `/${webhook.id}/deliveries?limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body).toEqual({ items: [expect.objectContaining({ id: queued[0].id })], nextCursor: null });
    expect(await deliveries(webhook.id, '?status=dead')).toEqual([]);
    expect(await deliveries(webhook.id, '?status=sent')).toHaveLength(3);
    for (const bad of ['?limit=101', '?limit=0', '?status=lost', '?cursor=bm90LWEtY3Vyc29y', '?since=x']) {
      expect((await api('GET', `/${webhook.id}/deliveries${bad}`)).status).toBe(400);
    }
  }, 60_000);

  it('rotates the secret: during the overlap both signatures are sent, after it only the new one', async () => {
    const target = await sink();
    const webhook = await registerWebhook(world.stack, partner.key, target.url);
    const rotated = await api<{ secret: string; previousSecretExpiresAt: string }>('POST', `/${webhook.id}/secret`, {
      overlapSeconds: 3600,
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(rotated.body.secret).not.toBe(webhook.secret);
    expect((await webhookNamed(webhook.id)).previousSecretExpiresAt).toBe(rotated.body.previousSecretExpiresAt);

    const during = await sendTest(webhook.id);
    await deliveryIn(webhook.id, during.id, ['sent']);
    const [overlap] = receivedWithId(target, during.id);
    const headers = overlap.headers as Record<string, string>;
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(new Webhook(rotated.body.secret).verify(overlap.body, headers)).toBeTruthy();
    expect(new Webhook(webhook.secret).verify(overlap.body, headers)).toBeTruthy();

    // A second rotation with a one-second overlap: the first secret stops at once, the second soon after.
    const again = await api<{ secret: string }>('POST', `/${webhook.id}/secret`, { overlapSeconds: 1 });
    const after = await waitFor(
      async () => {
        const probe = await sendTest(webhook.id);
        await deliveryIn(webhook.id, probe.id, ['sent']);
        const [hit] = receivedWithId(target, probe.id);
        return hit.headers['webhook-signature']!.toString().split(' ').length === 1 ? hit : undefined;
      },
      { what: 'the overlap to end', timeoutMs: 20000, intervalMs: 200 },
    );
    const single = after.headers as Record<string, string>;
    expect(new Webhook(again.body.secret).verify(after.body, single)).toBeTruthy();
    expect(() => new Webhook(rotated.body.secret).verify(after.body, single)).toThrow('No matching signature');
    expect(() => new Webhook(webhook.secret).verify(after.body, single)).toThrow('No matching signature');
    expect((await webhookNamed(webhook.id)).previousSecretExpiresAt).toBeNull();
    for (const bad of [{ overlapSeconds: -1 }, { overlapSeconds: 604801 }, { overlapSeconds: '60' }, { other: 1 }]) {
      expect((await api('POST', `/${webhook.id}/secret`, bad)).status).toBe(400);
    }
  }, 60_000);

  it('redelivers one delivery, then every dead one since a time, under the same webhook-id', async () => {
    let answer = 500;
    const target = await sink(() => answer);
    const webhook = await registerWebhook(world.stack, partner.key, target.url);
    const since = new Date().toISOString();
    const first = await sendTest(webhook.id);
    expect(await deliveryIn(webhook.id, first.id, ['dead'])).toMatchObject({ attempts: 2, responseStatus: 500 });

    answer = 204;
    const redelivered = await api<DeliveryItem>('POST', `/${webhook.id}/deliveries/${first.id}/redeliver`);
    expect(redelivered.status).toBe(202);
    expect(redelivered.body).toMatchObject({ id: first.id, status: 'pending', attempts: 0 });
    expect(await deliveryIn(webhook.id, first.id, ['sent'])).toMatchObject({ attempts: 1, responseStatus: 204 });
    const attempts = receivedWithId(target, first.id);
    expect(attempts.map((a) => a.answered)).toEqual([500, 500, 204]);
    expect(new Set(attempts.map((a) => JSON.parse(a.body).deliveryId))).toEqual(new Set([first.id]));
    expect(
      new Webhook(webhook.secret).verify(attempts[2].body, attempts[2].headers as Record<string, string>),
    ).toBeTruthy();
    // A sent one can be asked for again too; a queued one cannot.
    expect((await api('POST', `/${webhook.id}/deliveries/${first.id}/redeliver`)).status).toBe(202);
    await waitFor(() => receivedWithId(target, first.id).length === 4, { what: 'the second redelivery' });

    answer = 500;
    const dead = [await sendTest(webhook.id), await sendTest(webhook.id)];
    for (const delivery of dead) await deliveryIn(webhook.id, delivery.id, ['dead']);
    answer = 204;
    const bulk = await api<{ redelivered: number; stillRetrying: number }>('POST', `/${webhook.id}/redeliveries`, {
      since,
    });
    expect(bulk.status).toBe(202);
    expect(bulk.body).toEqual({ redelivered: 2, stillRetrying: 0 });
    for (const delivery of dead) await deliveryIn(webhook.id, delivery.id, ['sent']);
    expect(receivedWithId(target, first.id)).toHaveLength(4);
    const later = await api<{ redelivered: number }>('POST', `/${webhook.id}/redeliveries`, {
      since: new Date(Date.now() + 60_000).toISOString(),
    });
    expect(later.body.redelivered).toBe(0);

    expect((await api('POST', `/${webhook.id}/deliveries/${outsider.id}/redeliver`)).status).toBe(404);
    for (const bad of [{}, { since: 'yesterday' }, { since: since, extra: true }]) {
      expect((await api('POST', `/${webhook.id}/redeliveries`, bad)).status).toBe(400);
    }
  }, 90_000);

  it('disables and enables an endpoint: while disabled it receives nothing and what it had to receive is abandoned', async () => {
    let answer: number | 'hang' = 'hang';
    const target = await sink(() => answer);
    const webhook = await registerWebhook(world.stack, partner.key, target.url);
    const healthy = await sink();
    const barrier = await registerWebhook(world.stack, partner.key, healthy.url);
    const since = new Date().toISOString();
    const about = (received: WebhookSink['received'], alertId: string) =>
      received.filter((r) => JSON.parse(r.body).alert?.alertId === alertId);

    // An alert whose attempt hangs: it is still due when the endpoint is disabled.
    const held = await postAlert(
      world.stack,
      firm.key,
      intrusion(PERIGUEUX, 'Moderate', 'Intrusion, cathédrale Saint-Front'),
    );
    await waitFor(() => about(target.received, held).length === 1, { what: 'the hanging attempt' });
    const disabled = await api<WebhookItem>('POST', `/${webhook.id}/disable`);
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ disabledAt: expect.any(String), disabledReason: 'by-organisation' });
    const abandoned = (await deliveriesOf(world.stack, partner.key, held)).find((d) => d.webhookId === webhook.id)!;
    expect(abandoned).toMatchObject({ status: 'dead', lastError: 'webhook disabled before delivery' });

    answer = 204;
    const meanwhile = await postAlert(
      world.stack,
      firm.key,
      intrusion(PERIGUEUX, 'Moderate', 'Intrusion, quai de l’Isle'),
    );
    await waitFor(() => about(healthy.received, meanwhile).length === 1, { what: 'the enabled endpoint to get it' });
    expect((await deliveriesOf(world.stack, partner.key, meanwhile)).map((d) => d.webhookId)).not.toContain(webhook.id);
    expect((await api('POST', `/${webhook.id}/test`)).status).toBe(409);
    expect((await api('POST', `/${webhook.id}/redeliveries`, { since })).status).toBe(409);
    expect((await api('POST', `/${webhook.id}/disable`)).status).toBe(200);

    const enabled = await api<WebhookItem>('POST', `/${webhook.id}/enable`);
    expect(enabled.body).toMatchObject({ disabledAt: null, disabledReason: null });
    const next = await postAlert(world.stack, firm.key, intrusion(PERIGUEUX, 'Moderate', 'Intrusion, tour Mataguerre'));
    await waitFor(() => about(target.received, next).length === 1, {
      what: 'the enabled endpoint to get the next alert',
    });
    // What was abandoned comes back on request; what was routed while disabled was never its to receive.
    expect((await api('POST', `/${webhook.id}/redeliveries`, { since })).body).toEqual({
      redelivered: 1,
      stillRetrying: 0,
    });
    await waitFor(() => about(target.received, held).length === 2, { what: 'the abandoned alert to be redelivered' });
    expect(about(target.received, meanwhile)).toHaveLength(0);
    expect(about(healthy.received, held)).toHaveLength(1);
    expect(barrier.id).not.toBe(webhook.id);
  }, 90_000);

  it('disables an endpoint that keeps failing and tells the organisation by e-mail', async () => {
    const target = await sink(() => 503);
    const webhook = await registerWebhook(world.stack, partner.key, target.url);
    // Two attempts each: the fifth failure in a row, the third test's first attempt, disables it.
    const tests = [await sendTest(webhook.id)];
    await deliveryIn(webhook.id, tests[0].id, ['dead']);
    tests.push(await sendTest(webhook.id));
    await deliveryIn(webhook.id, tests[1].id, ['dead']);
    tests.push(await sendTest(webhook.id));
    const last = await deliveryIn(webhook.id, tests[2].id, ['dead']);
    expect(last).toMatchObject({ attempts: 1, lastError: 'webhook disabled: it kept failing' });

    expect(await webhookNamed(webhook.id)).toMatchObject({
      disabledAt: expect.any(String),
      disabledReason: 'failing',
    });
    const mail = await waitFor(() => smtp.to(REFERENT).find((m) => m.text.includes(webhook.id)), {
      what: 'the referent to be e-mailed',
      timeoutMs: 20000,
    });
    expect(mail.subject).toBe('[Vigie] Webhook désactivé après 5 échecs consécutifs');
    expect(mail.text).toContain(target.url);
    expect(target.received).toHaveLength(5);
    expect((await api('POST', `/${webhook.id}/test`)).status).toBe(409);
    // Enabled again, its count starts from zero: one more failure does not disable it.
    expect((await api<WebhookItem>('POST', `/${webhook.id}/enable`)).body.disabledAt).toBeNull();
    const after = await sendTest(webhook.id);
    await deliveryIn(webhook.id, after.id, ['dead']);
    expect((await webhookNamed(webhook.id)).disabledAt).toBeNull();
    await api('POST', `/${webhook.id}/disable`);
  }, 90_000);

  it('answers 404 for another organisation’s endpoint or delivery, and changes nothing', async () => {
    const target = await sink();
    const webhook = await registerWebhook(world.stack, partner.key, target.url);
    const delivery = await sendTest(webhook.id);
    await deliveryIn(webhook.id, delivery.id, ['sent']);
    const own = await registerWebhook(world.stack, outsider.key, (await sink()).url);
    const id = webhook.id;
    const attempts: [string, string, unknown?][] = [
      ['POST', `/${id}/test`],
      ['GET', `/${id}/deliveries`],
      ['POST', `/${id}/deliveries/${delivery.id}/redeliver`],
      ['POST', `/${own.id}/deliveries/${delivery.id}/redeliver`],
      ['POST', `/${id}/redeliveries`, { since: '2020-01-01T00:00:00Z' }],
      ['POST', `/${id}/secret`, { overlapSeconds: 0 }],
      ['POST', `/${id}/disable`],
      ['POST', `/${id}/enable`],
      ['DELETE', `/${id}`],
    ];
    for (const [method, path, body] of attempts) {
      expect([method, path, (await api(method, path, body, outsider.key)).status]).toEqual([method, path, 404]);
    }
    expect(await webhookNamed(id)).toMatchObject({ disabledAt: null, previousSecretExpiresAt: null });
    expect(receivedWithId(target, delivery.id)).toHaveLength(1);
    // The secret did not change: a new test event still verifies with it, alone.
    const probe = await sendTest(id);
    await deliveryIn(id, probe.id, ['sent']);
    const [hit] = receivedWithId(target, probe.id);
    expect(new Webhook(webhook.secret).verify(hit.body, hit.headers as Record<string, string>)).toBeTruthy();
    expect((await api('GET', `/${id}/deliveries`, undefined, '')).status).toBe(401);
  }, 60_000);
});
