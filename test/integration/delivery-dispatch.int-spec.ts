import { randomBytes, randomUUID } from 'node:crypto';
import { Outbox, type KafkaSettings } from '@vigie/messaging';
import { Metrics } from '@vigie/observability';
import { alertSnapshot, waitFor, WebhookSink } from '@vigie/testing';
import type { EmailChannel } from '../../apps/notification/src/channels/email/email.channel';
import { WebhookChannel } from '../../apps/notification/src/channels/webhook/webhook.channel';
import type { NotificationConfig } from '../../apps/notification/src/config';
import { deliveriesDocument, type MessageDelivery } from '../../apps/notification/src/deliveries/deliveries.queries';
import { DeliveryDispatcher } from '../../apps/notification/src/deliveries/delivery.dispatcher';
import { DeliveryMetrics } from '../../apps/notification/src/deliveries/delivery.metrics';
import { DeliveryQueue, type ClaimedDelivery } from '../../apps/notification/src/deliveries/delivery.queue';
import { WRITE_DISTRIBUTIONS, writeDistributions } from '../../apps/notification/src/deliveries/distribution.queries';
import { asStored } from '../../apps/notification/src/deliveries/message-contents.queries';
import { rememberedDocuments } from '../../apps/notification/src/deliveries/routed-messages.queries';
import { eventsDocument } from '../../apps/notification/src/stream/stream-events.queries';
import { NOTIFICATION_TABLES } from '../../apps/notification/src/tables';
import { EndpointHealth } from '../../apps/notification/src/webhooks/endpoint-health';
import { SecretBox } from '../../apps/notification/src/webhooks/secret-box';
import { ownSchema } from './own-schema';
import { insertDirectoryOrganisation, insertWebhook } from './seed-rows';

/**
 * The delivery queue and its dispatcher against the real PostgreSQL, on a schema of this file's
 * own, sending to loopback sinks: two dispatchers never send a delivery twice, a lease that ends
 * (the claimer died) brings its deliveries back, and a slow endpoint does not hold a fast one.
 */

const KEY = randomBytes(32).toString('hex');
const PER_TARGET = 4;

const config = {
  delivery: { timeoutMs: 5000, maxAttempts: 8, retryBaseMs: 1000, perTarget: PER_TARGET, maxInFlight: 100 },
  webhooks: { secretsKey: KEY, allowPrivateTargets: true, disableAfter: { failures: 20, seconds: 86400 } },
  email: {
    smtpUrl: null,
    from: 'Vigie <no-reply@vigie.invalid>',
    publicBaseUrl: 'http://127.0.0.1',
    ackLinkTtlSeconds: 60,
  },
} as unknown as NotificationConfig;

jest.setTimeout(120_000);

describe('delivery dispatch on the real PostgreSQL', () => {
  const db = ownSchema('dispatch', NOTIFICATION_TABLES, 8);
  let outbox: Outbox;
  let queue: DeliveryQueue;
  const box = SecretBox.fromHex(KEY);
  const organisation = randomUUID();
  const sinks: WebhookSink[] = [];
  const dispatchers: DeliveryDispatcher[] = [];

  /** A dispatcher, not started: no rounds. */
  const newDispatcher = (settings = config): DeliveryDispatcher => {
    const dispatcher = new DeliveryDispatcher(
      queue,
      new WebhookChannel(box, settings),
      {} as EmailChannel,
      new DeliveryMetrics(new Metrics(), db.dataSource),
      new EndpointHealth(db.dataSource, outbox, settings),
      settings,
    );
    dispatchers.push(dispatcher);
    return dispatcher;
  };

  const startDispatcher = (settings = config): DeliveryDispatcher => {
    const dispatcher = newDispatcher(settings);
    dispatcher.onApplicationBootstrap();
    return dispatcher;
  };

  const sink = async (respondAfterMs = 0): Promise<WebhookSink> => {
    const started = await WebhookSink.start({ respondAfterMs });
    sinks.push(started);
    return started;
  };

  /** A webhook to `url`; its id. */
  const webhookTo = async (url: string): Promise<string> => {
    const webhook = randomUUID();
    await insertWebhook(db.dataSource, {
      id: webhook,
      organisationId: organisation,
      url,
      secretCiphertext: box.encrypt(randomBytes(24).toString('base64'), webhook),
    });
    return webhook;
  };

  /** A webhook to `url` and `count` pending deliveries for it; their ids. */
  const queued = async (url: string, count: number): Promise<string[]> => {
    const webhook = await webhookTo(url);
    const ids = Array.from({ length: count }, () => randomUUID());
    await db.dataSource.query(
      `INSERT INTO deliveries (id, alert_id, message_type, organisation_id, channel, webhook_id, status, next_attempt_at, body)
       SELECT id, gen_random_uuid(), 'vigie.alert', $2, 'webhook', $3, 'pending', now(), jsonb_build_object('n', n)
       FROM unnest($1::uuid[]) WITH ORDINALITY AS d(id, n)`,
      [ids, organisation, webhook],
    );
    return ids;
  };

  const webhookOfDelivery = async (id: string): Promise<string> =>
    (await db.dataSource.query<{ webhook_id: string }[]>('SELECT webhook_id FROM deliveries WHERE id = $1', [id]))[0]
      .webhook_id;

  const statuses = (ids: string[]): Promise<{ id: string; status: string; attempts: number }[]> =>
    db.dataSource.query('SELECT id, status, attempts FROM deliveries WHERE id = ANY($1) ORDER BY id', [ids]);

  const allSent = async (ids: string[]): Promise<boolean> =>
    (await statuses(ids)).filter((row) => row.status === 'sent').length === ids.length;

  const receivedIds = (from: WebhookSink): string[] => from.received.map((r) => String(r.headers['webhook-id']));

  /** A message's shared content, as a consumer stores it before its deliveries; its id. */
  const messageContent = async (): Promise<string> => {
    const content = randomUUID();
    await db.dataSource.query(`INSERT INTO message_contents (id, data) VALUES ($1, '{"type": "alert.routed"}')`, [
      content,
    ]);
    return content;
  };

  /** Writes deliveries as a consumer's batch does, those in `claim.ids` claimed; the new ones. */
  const insertDeliveries = async (
    deliveries: MessageDelivery[],
    claim: { leaseMs: number; ids: ReadonlySet<string> },
  ): Promise<ClaimedDelivery[]> => (await writeDistributions(db.dataSource.manager, { deliveries, claim })).scheduled;

  /** A delivery of that message to a webhook, as a consumer is about to write it. */
  const written = (content: string, webhookId: string): MessageDelivery => ({
    id: randomUUID(),
    organisationId: organisation,
    channel: 'webhook',
    webhookId,
    referentId: null,
    emailAddress: null,
    contentId: content,
    content: { type: 'alert.routed' },
    body: { recipient: 'Veille Rhône' },
    message: { subjectId: randomUUID(), type: 'alert.routed', senderOrganisationId: organisation },
    traceHeaders: {},
  });

  beforeAll(async () => {
    outbox = new Outbox({ clientId: 'it-dispatch' } as KafkaSettings);
    queue = new DeliveryQueue(db.dataSource, outbox);
    await insertDirectoryOrganisation(db.dataSource, {
      id: organisation,
      kind: 'SECURITY_FIRM',
      name: 'Veille Rhône',
      departments: ['69'],
    });
  });

  afterEach(async () => {
    await Promise.all(dispatchers.splice(0).map((dispatcher) => dispatcher.onModuleDestroy()));
    await Promise.all(sinks.splice(0).map((each) => each.close()));
    await db.dataSource.query("UPDATE deliveries SET status = 'dead' WHERE status IN ('pending', 'failed')");
  });

  it('writes a message in one statement; a claimed body is composed to the bytes its row reads back as', async () => {
    const webhookId = await webhookTo('http://127.0.0.1:9/unused');
    // An alert as events carry it, and keys jsonb orders otherwise than their insertion: by length,
    // then byte by byte (a non-ASCII one included), integer-like ones, a repeated one the part overrides.
    const data = {
      type: 'alert.routed',
      routedAt: new Date().toISOString(),
      alert: alertSnapshot(organisation),
      extra: { zz: 1, a: [{ ccc: true, bb: null }], é: 'accent', e: 2.5e-7, 10: 'ten', 2: 'two' },
      recipient: 'overridden',
    };
    const contentId = randomUUID();
    const recipient = { reason: 'Département 69', organisationId: organisation };
    const delivery = {
      ...written(contentId, webhookId),
      content: asStored(data) as Record<string, unknown>,
      body: { deliveryId: randomUUID(), recipient },
    };
    // The content, its delivery and its stream event together: the foreign keys hold at the statement's end.
    const { scheduled, grown } = await writeDistributions(db.dataSource.manager, {
      contents: [{ id: contentId, data }],
      deliveries: [delivery],
      claim: { leaseMs: 60_000, ids: new Set([delivery.id]) },
      stream: [
        {
          type: 'alert.routed',
          subjectId: delivery.message.subjectId,
          contentId,
          entries: [{ organisationId: organisation, data: { recipient } }],
        },
      ],
    });
    expect(grown).toEqual([organisation]);
    expect(scheduled.map((row) => [row.id, row.attempts, row.url])).toEqual([
      [delivery.id, 1, 'http://127.0.0.1:9/unused'],
    ]);
    const [claimed] = scheduled;
    const [stored] = await db.dataSource.query<{ body: unknown }[]>(
      `SELECT coalesce(m.data || d.body, d.body) AS body FROM deliveries d
       LEFT JOIN message_contents m ON m.id = d.content_id WHERE d.id = $1`,
      [delivery.id],
    );
    expect(JSON.stringify(claimed.body)).toBe(JSON.stringify(stored.body));
    expect(Object.keys(claimed.body)).toEqual(['type', 'alert', 'extra', 'routedAt', 'recipient', 'deliveryId']);
    const events = await db.dataSource.query<{ data: Record<string, unknown> }[]>(
      `SELECT coalesce(m.data || s.data, s.data) AS data FROM stream_events s
       LEFT JOIN message_contents m ON m.id = s.content_id WHERE s.subject_id = $1`,
      [delivery.message.subjectId],
    );
    expect(events).toEqual([{ data: { ...data, recipient } }]);

    // Written again (a replay): nothing new, no log grown.
    const again = await writeDistributions(db.dataSource.manager, {
      deliveries: [delivery],
      stream: [
        {
          type: 'alert.routed',
          subjectId: delivery.message.subjectId,
          contentId,
          entries: [{ organisationId: organisation, data: { recipient } }],
        },
      ],
    });
    expect(again).toEqual({ scheduled: [], grown: [] });
  });

  it('names the organisations whose logs grew on one row of the write, not on every delivery', async () => {
    const content = randomUUID();
    const deliveries = await Promise.all(
      [1, 2, 3].map(async () => written(content, await webhookTo('http://127.0.0.1:9/unused'))),
    );
    const subjectId = randomUUID();
    const [other, third] = [randomUUID(), randomUUID()];
    const rows = await db.dataSource.query<{ id: string | null; grown_organisations: string[] | null }[]>(
      WRITE_DISTRIBUTIONS.text,
      [
        JSON.stringify([{ id: content, data: { type: 'alert.routed' } }]),
        deliveriesDocument(deliveries, new Set()),
        0,
        eventsDocument([
          {
            type: 'alert.routed',
            subjectId,
            contentId: content,
            entries: [organisation, other, third].map((organisationId) => ({ organisationId, data: {} })),
          },
        ]),
        ...rememberedDocuments([]),
      ],
    );
    expect(rows.map((row) => row.id).sort()).toEqual(deliveries.map((delivery) => delivery.id).sort());
    const named = rows.filter((row) => row.grown_organisations !== null);
    expect(named).toHaveLength(1);
    expect([...named[0].grown_organisations!].sort()).toEqual([organisation, other, third].sort());
  });

  it('sends each delivery once when two dispatchers claim the same queue at once', async () => {
    const target = await sink();
    const ids = (await Promise.all(Array.from({ length: 10 }, () => queued(target.url, 10)))).flat();
    // The pool's connections opened beforehand: on a loaded machine opening them mid-burst can time out.
    await Promise.all(Array.from({ length: 8 }, () => db.dataSource.query('SELECT pg_sleep(0.05)')));
    startDispatcher();
    startDispatcher();

    await waitFor(() => allSent(ids), { what: '100 deliveries sent', timeoutMs: 90_000 });
    expect(receivedIds(target).sort()).toEqual([...ids].sort());
    expect((await statuses(ids)).every((row) => row.attempts === 1)).toBe(true);
  });

  it('brings back the deliveries of a claimer that died once its lease ends, and not before', async () => {
    const target = await sink();
    const ids = await queued(target.url, 3);
    // Claimed by an instance that then dies: nothing recorded, nothing handed back.
    const claimed = await queue.claim(1500, 10, [], 10);
    expect(claimed.map((row) => row.id).sort()).toEqual([...ids].sort());
    expect(await queue.claim(1500, 10, [], 10)).toEqual([]);
    const claimedAt = Date.now();
    startDispatcher();

    await waitFor(() => allSent(ids), { what: 'the deliveries sent after the lease', timeoutMs: 15_000 });
    expect(Math.min(...target.received.map((r) => r.receivedAt))).toBeGreaterThanOrEqual(claimedAt + 1000);
    expect(receivedIds(target).sort()).toEqual([...ids].sort());
    // The dead claim counted as an attempt, as a crash mid-send must.
    expect((await statuses(ids)).map((row) => row.attempts)).toEqual([2, 2, 2]);
  });

  it('claims the targets whose oldest delivery is oldest, each as a run in order, skipping busy ones', async () => {
    const [first, second, third, busy] = await Promise.all(
      [3, 2, 2, 2].map((count) => queued('http://127.0.0.1:9/unused', count)),
    );
    const webhookOf = (ids: string[]): Promise<string> => webhookOfDelivery(ids[0]);
    // Due times that make the order plain: the first target oldest, the third newest.
    const due = (ids: string[], secondsAgo: number[]): Promise<unknown> =>
      db.dataSource.query(
        `UPDATE deliveries d SET next_attempt_at = now() - s.ago * interval '1 second'
         FROM unnest($1::uuid[], $2::int[]) AS s(id, ago) WHERE d.id = s.id`,
        [ids, secondsAgo],
      );
    await due(first, [50, 40, 30]);
    await due(second, [45, 5]);
    await due(third, [20, 10]);
    await due(busy, [60, 60]);

    // Two targets, runs of two at most, the busy one skipped although it is the oldest.
    const claimed = await queue.claim(60_000, 2, [await webhookOf(busy)], 2);
    const runs = new Map<string, string[]>();
    for (const row of claimed) runs.set(row.webhook_id!, [...(runs.get(row.webhook_id!) ?? []), row.id]);
    expect([...runs.keys()].sort()).toEqual([await webhookOf(first), await webhookOf(second)].sort());
    expect(runs.get(await webhookOf(first))).toEqual(first.slice(0, 2));
    expect(runs.get(await webhookOf(second))).toEqual(second);
    expect((await statuses(claimed.map((row) => row.id))).every((row) => row.attempts === 1)).toBe(true);
  });

  it('sends the content a message shares with the delivery’s own part laid over it, the same bytes on every attempt', async () => {
    const target = await sink();
    const [shared, own] = await queued(target.url, 2);
    const content = randomUUID();
    await db.dataSource.query(
      'INSERT INTO message_contents (id, data) VALUES ($1, \'{"type": "alert.routed", "alert": {"headline": "Vol"}}\')',
      [content],
    );
    await db.dataSource.query(
      `UPDATE deliveries SET content_id = $2, body = jsonb_build_object('deliveryId', id, 'recipient', 'Préfecture')
       WHERE id = $1`,
      [shared, content],
    );

    const claimed = await queue.claim(60_000, 10, [], 10);
    expect(claimed.find((row) => row.id === shared)?.body).toEqual({
      type: 'alert.routed',
      alert: { headline: 'Vol' },
      deliveryId: shared,
      recipient: 'Préfecture',
    });
    // A row written before contents were shared keeps its whole body.
    expect(claimed.find((row) => row.id === own)?.body).toEqual({ n: 2 });
    await queue.release(claimed);
    startDispatcher();
    await waitFor(() => allSent([shared, own]), { what: 'both deliveries sent' });
    // The released claim and the dispatcher's claim composed the same bytes.
    const sent = target.received.find((r) => r.headers['webhook-id'] === shared);
    expect(sent!.body).toBe(JSON.stringify(claimed.find((row) => row.id === shared)!.body));
  });

  it('sends deliveries handed over as they were written claimed; one for a target served here follows its run', async () => {
    const slow = await sink(1500);
    const fast = await sink();
    const [first] = await queued(slow.url, 1);
    const dispatcher = startDispatcher();
    await waitFor(() => slow.received.length === 1, { what: 'the slow endpoint’s first request' });

    const content = await messageContent();
    const toFast = written(content, await webhookTo(fast.url));
    const toSlow = written(content, await webhookOfDelivery(first));
    // Both claimed as they are written, the slow endpoint's run in flight here notwithstanding.
    const ids = dispatcher.claimable([toFast, toSlow]);
    expect([...ids]).toEqual([toFast.id, toSlow.id]);
    const claimed = await insertDeliveries([toFast, toSlow], {
      leaseMs: dispatcher.leaseMs,
      ids,
    });
    expect(claimed.map((row) => [row.id, row.attempts, row.body])).toEqual([
      [toFast.id, 1, { type: 'alert.routed', recipient: 'Veille Rhône' }],
      [toSlow.id, 1, { type: 'alert.routed', recipient: 'Veille Rhône' }],
    ]);

    dispatcher.handOff(claimed);
    await waitFor(() => allSent([toFast.id]), { what: 'the handed-over delivery sent' });
    expect(receivedIds(fast)).toEqual([toFast.id]);
    // The slow endpoint's waits in the dispatcher behind the run in flight, not in the queue: no round can take it.
    expect(slow.received).toHaveLength(1);
    expect(await queue.claim(60_000, 10, [], 10)).toEqual([]);
    await waitFor(() => allSent([first, toSlow.id]), { what: 'the slow endpoint served in order', timeoutMs: 15_000 });
    expect(receivedIds(slow)).toEqual([first, toSlow.id]);
    expect((await statuses([toFast.id, toSlow.id])).map((row) => row.attempts)).toEqual([1, 1]);
  });

  it('hands back what followed a run that failed, and a round sends it once; nothing waits for a lease', async () => {
    // The endpoint answers its first request with a failure, a second after it came.
    const slowFailure = await WebhookSink.start({
      respond: (_request, index) => (index === 0 ? 503 : 204),
      respondAfterMs: 1000,
    });
    sinks.push(slowFailure);
    const [first] = await queued(slowFailure.url, 1);
    const dispatcher = startDispatcher({ ...config, delivery: { ...config.delivery, retryBaseMs: 200 } });
    await waitFor(() => slowFailure.received.length === 1, { what: 'the first request' });

    const content = await messageContent();
    const follower = written(content, await webhookOfDelivery(first));
    const ids = dispatcher.claimable([follower]);
    const claimed = await insertDeliveries([follower], { leaseMs: dispatcher.leaseMs, ids });
    dispatcher.handOff(claimed);

    // Well within the 40 s lease: the follower was handed back with the failure, not left claimed.
    await waitFor(() => allSent([first, follower.id]), { what: 'both sent', timeoutMs: 15_000 });
    const attempts = new Map((await statuses([first, follower.id])).map((row) => [row.id, row.attempts]));
    expect([attempts.get(first), attempts.get(follower.id)]).toEqual([2, 1]);
    expect(receivedIds(slowFailure).filter((id) => id === follower.id)).toHaveLength(1);
  });

  it('starts 500 runs of a fan-out at once and each further one as another ends, without a claim round', async () => {
    // One host for every endpoint, as a receiver hosting many: a first answer comes after a second.
    const target = await sink(1000);
    const content = await messageContent();
    const webhooks = await Promise.all(Array.from({ length: 502 }, () => webhookTo(target.url)));
    const deliveries = webhooks.map((webhook) => written(content, webhook));
    const dispatcher = startDispatcher({ ...config, delivery: { ...config.delivery, maxInFlight: 1000 } });
    // Every target is claimed as it is written, not only what starts at once, nor only as many
    // targets as the requests an instance has in flight (100 in the default settings here).
    const ids = dispatcher.claimable(deliveries);
    expect(ids.size).toBe(502);
    expect(newDispatcher().claimable(deliveries).size).toBe(502);
    const claimed = await insertDeliveries(deliveries, { leaseMs: dispatcher.leaseMs, ids });
    dispatcher.handOff(claimed);

    await waitFor(() => target.received.length >= 500, { what: 'the first 500 requests', timeoutMs: 30_000 });
    const all = deliveries.map((delivery) => delivery.id);
    await waitFor(() => allSent(all), { what: '502 deliveries sent', timeoutMs: 60_000 });
    const arrivals = target.received.map((r) => r.receivedAt).sort((a, b) => a - b);
    expect(arrivals).toHaveLength(502);
    // The 501st request left only once a first answer had come back, a second after its request.
    expect(arrivals[500] - arrivals[0]).toBeGreaterThanOrEqual(990);
    // Each attempt counted once: the two that waited were claimed at write and sent as such.
    expect((await statuses(all)).every((row) => row.attempts === 1)).toBe(true);
  });

  it('keeps a slow endpoint to its own window: a fast one is served meanwhile', async () => {
    const slow = await sink(4000);
    const fast = await sink();
    const slowIds = await queued(slow.url, 10);
    const fastIds = await queued(fast.url, 20);
    startDispatcher();

    await waitFor(() => slow.received.length >= PER_TARGET, { what: 'the slow endpoint’s first window' });
    await waitFor(() => allSent(fastIds), { what: 'the fast endpoint served', timeoutMs: 10_000 });
    // Still within the slow endpoint's first answers: exactly one window of requests reached it.
    expect(slow.received.every((r) => Date.now() - r.receivedAt < 4000)).toBe(true);
    expect(slow.received).toHaveLength(PER_TARGET);
    expect(receivedIds(fast).sort()).toEqual([...fastIds].sort());

    await waitFor(() => allSent(slowIds), { what: 'the slow endpoint served', timeoutMs: 20_000 });
    expect(receivedIds(slow).sort()).toEqual([...slowIds].sort());
    // Never more than the window at once: each request after the first window followed an answer.
    const arrivals = slow.received.map((r) => r.receivedAt).sort((a, b) => a - b);
    for (let i = PER_TARGET; i < arrivals.length; i++) {
      expect(arrivals[i] - arrivals[i - PER_TARGET]).toBeGreaterThanOrEqual(3900);
    }
  });
});
