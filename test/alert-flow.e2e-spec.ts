import { randomUUID } from 'node:crypto';
import { ConfigResourceTypes, Kafka, logLevel, type KafkaMessage, type Producer } from 'kafkajs';
import { Client } from 'pg';
import { Topics } from '@vigie/contracts';
import {
  SERVICES,
  Stack,
  WebhookSink,
  messagesWithKey,
  prefectureOf,
  readTopic,
  registerActivePartner,
  request,
  waitFor,
  waitUntilAccepted,
  issueKey,
  type Partner,
  type ReceivedRequest,
} from '@vigie/testing';

import { verifyWebhook } from '../apps/notification/src/channels/webhook/webhook.signer';
import { e2eEnv, newAdminKey } from './e2e.env';
import { startTestStack } from './test-stack';

const brokers = [e2eEnv.kafkaBrokers];
const PRIVATE_SECURITY = 'private-security-2019';

const intrusionInfo = {
  category: ['Security'],
  eventCode: 'intrusion',
  urgency: 'Immediate',
  severity: 'Severe',
  certainty: 'Observed',
  headline: 'Intrusion en cours, entrepôt quai Rambaud',
  description: 'Deux individus détectés par vidéoprotection, agent sur place.',
};

const intrusionInLyon = {
  status: 'Actual',
  tlp: 'AMBER',
  location: { commune: '69123' },
  info: [intrusionInfo],
};

describe('an alert end to end: four services, a real Kafka broker, a real PostgreSQL', () => {
  const adminKey = newAdminKey();
  let stack: Stack;
  let sink: WebhookSink;
  let firm: Partner;
  let rhone: { id: string; name: string; key: string };
  let webhookSecret: string;
  let webhookId: string;
  let registry: { registryUrl: string; adminKey: string };
  const kafka = new Kafka({ clientId: 'vigie-e2e', brokers, logLevel: logLevel.NOTHING });
  let producer: Producer;

  const postAlert = (key: string | undefined, body: unknown, headers: Record<string, string> = {}) =>
    request<any>('POST', `${stack.url('alert-ingestion')}/v1/alerts`, { key, body, headers });

  const deliveriesTo = (alertId: string): ReceivedRequest[] =>
    sink.received.filter(
      (received) => (JSON.parse(received.body) as { alert: { alertId: string } }).alert.alertId === alertId,
    );

  /** Posts a valid alert and waits until its delivery to the Rhône prefecture is recorded as sent. */
  async function alertDelivered(): Promise<string> {
    const created = await postAlert(firm.key, intrusionInLyon);
    expect(created.status).toBe(201);
    const alertId = created.body.id as string;
    await waitFor(
      async () => {
        const result = await request<any[]>('GET', `${stack.url('notification')}/v1/deliveries?alertId=${alertId}`, {
          key: rhone.key,
        });
        // Other files may have left webhooks for the same prefecture: look at this file's one.
        const ours = result.body.filter((delivery) => delivery.webhookId === webhookId);
        return ours.length === 1 && ours[0].status === 'sent';
      },
      { what: `the delivery of ${alertId} to be sent`, timeoutMs: 15000 },
    );
    return alertId;
  }

  beforeAll(async () => {
    stack = await startTestStack('alert-flow', 0, { adminKey });
    sink = await WebhookSink.start();
    registry = { registryUrl: stack.url('partner-registry'), adminKey };

    firm = await registerActivePartner(
      registry,
      { kind: 'SECURITY_FIRM', name: 'Gardiennage Rhône-Alpes SAS', departments: ['69'] },
      { conventions: [PRIVATE_SECURITY] },
    );
    const prefecture = await prefectureOf(registry, '69');
    rhone = { ...prefecture, key: await issueKey(registry, prefecture.id) };

    // Services learn keys from partner.changed.v1: wait until they have.
    await waitUntilAccepted(stack.url('alert-ingestion'), firm.key);
    await waitUntilAccepted(stack.url('notification'), rhone.key);
    const webhook = await request<{ id: string; secret: string }>('POST', `${stack.url('notification')}/v1/webhooks`, {
      key: rhone.key,
      body: { url: sink.url },
    });
    expect(webhook.status).toBe(201);
    webhookSecret = webhook.body.secret;
    webhookId = webhook.body.id;
    producer = kafka.producer();
    await producer.connect();
  }, 120_000);

  afterAll(async () => {
    await producer?.disconnect();
    await stack?.stop();
    await sink?.close();
  }, 30_000);

  it('creates the versioned topics and their dead-letter topics explicitly', async () => {
    const admin = kafka.admin();
    await admin.connect();
    const topics = (await admin.listTopics()).filter((topic) => !topic.startsWith('__'));
    const configs = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [Topics.PartnerChangedV1, Topics.AlertSubmittedV1].map((name) => ({
        type: ConfigResourceTypes.TOPIC,
        name,
        configNames: ['cleanup.policy'],
      })),
    });
    await admin.disconnect();
    const policy = Object.fromEntries(configs.resources.map((r) => [r.resourceName, r.configEntries[0].configValue]));
    expect(policy).toEqual({ [Topics.PartnerChangedV1]: 'compact', [Topics.AlertSubmittedV1]: 'delete' });
    expect(topics.sort()).toEqual(
      [
        'alert.acknowledged.v1',
        'alert.acknowledged.v1.dlq',
        'alert.cancelled.v1',
        'alert.cancelled.v1.dlq',
        'alert.routed.v1',
        'alert.routed.v1.dlq',
        'alert.submitted.v1',
        'alert.submitted.v1.dlq',
        'alert.updated.v1',
        'alert.updated.v1.dlq',
        'broadcast.routed.v1',
        'broadcast.routed.v1.dlq',
        'delivery.dead.v1',
        'delivery.dead.v1.dlq',
        'partner.changed.v1',
        'partner.changed.v1.dlq',
      ].sort(),
    );
  }, 60_000);

  it('serves health and OpenAPI documentation on every service', async () => {
    for (const name of SERVICES) {
      const health = await request<any>('GET', `${stack.url(name)}/health`);
      expect(health.status).toBe(200);
      expect(health.body.details).toMatchObject({ database: { status: 'up' }, kafka: { status: 'up' } });
      const docs = await request<any>('GET', `${stack.url(name)}/openapi.json`);
      expect(docs.status).toBe(200);
      expect(docs.body.openapi).toBe('3.1.0');
      expect(docs.body.info.title).toMatch(/^Vigie — /);
      expect(Object.keys(docs.body.paths)).toContain('/v1/me');
    }
  });

  it('delivers an alert for Lyon (69123) to the Rhône prefecture’s webhook, signed, exactly once', async () => {
    const alertId = await alertDelivered();

    const received = deliveriesTo(alertId);
    expect(received).toHaveLength(1);
    const [delivery] = received;
    expect(
      verifyWebhook({
        secret: webhookSecret,
        body: delivery.body,
        timestamp: delivery.headers['vigie-timestamp'] as string,
        signature: delivery.headers['vigie-signature'] as string,
      }),
    ).toBe(true);
    expect(
      verifyWebhook({
        secret: webhookSecret,
        body: delivery.body.replace('quai Rambaud', 'quai Perrache'),
        timestamp: delivery.headers['vigie-timestamp'] as string,
        signature: delivery.headers['vigie-signature'] as string,
      }),
    ).toBe(false);

    const payload = JSON.parse(delivery.body);
    expect(payload).toMatchObject({
      type: 'alert.routed',
      deliveryId: delivery.headers['vigie-delivery-id'],
      alert: {
        alertId,
        senderOrganisationId: firm.id,
        status: 'Actual',
        tlp: 'AMBER',
        location: { commune: '69123', communeName: 'Lyon', department: '69' },
        info: [
          {
            event: 'Intrusion',
            eventCode: 'intrusion',
            severity: 'Severe',
            headline: intrusionInfo.headline,
            area: [{ areaDesc: 'Lyon (69123)', geocode: [{ valueName: 'INSEE', value: '69123' }] }],
          },
        ],
      },
      recipient: { organisationId: rhone.id, rule: 'competent-prefecture' },
    });
    expect(payload.recipient.reason).toContain('Préfecture du Rhône');

    // Exactly once along the whole chain: one event per topic for this alert.
    expect(await messagesWithKey(brokers, Topics.AlertSubmittedV1, alertId)).toHaveLength(1);
    expect(await messagesWithKey(brokers, Topics.AlertRoutedV1, alertId)).toHaveLength(1);

    const routing = await request<any>('GET', `${stack.url('prefect-routing')}/v1/alerts/${alertId}/routing`, {
      key: firm.key,
    });
    expect(routing.status).toBe(200);
    // A Severe alert: the competent prefecture, and the national level by escalation; nobody else.
    const rules = Object.fromEntries(
      (routing.body.recipients as { organisationId: string; rule: string }[]).map((r) => [r.organisationId, r.rule]),
    );
    expect(rules[rhone.id]).toBe('competent-prefecture');
    expect(Object.values(rules).sort()).toEqual(['competent-prefecture', 'national-escalation']);
  }, 60_000);

  it('answers a malformed alert with 400 and its field errors, and publishes nothing', async () => {
    const before = (await readTopic(brokers, Topics.AlertSubmittedV1)).length;

    const refused = await postAlert(firm.key, {
      status: 'Rumour',
      info: [{ ...intrusionInfo, severity: undefined, headline: '' }],
      location: { commune: '69123' },
      sender: 'someone else',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe('bad_request');
    const fields = (refused.body.details as { field: string }[]).map((detail) => detail.field);
    expect(fields).toEqual(expect.arrayContaining(['status', 'info.0.severity', 'info.0.headline', 'sender']));
    expect(JSON.stringify(refused.body)).not.toMatch(/at \w+ \(|node_modules/);

    const unknownCommune = await postAlert(firm.key, { ...intrusionInLyon, location: { commune: '69999' } });
    expect(unknownCommune.status).toBe(400);
    expect(unknownCommune.body.details).toEqual([expect.objectContaining({ field: 'location.commune' })]);

    // The outbox publishes in order: once a later valid alert is delivered, anything the
    // refused requests had written would already be on the topic.
    const alertId = await alertDelivered();
    const after = await readTopic(brokers, Topics.AlertSubmittedV1);
    expect(after).toHaveLength(before + 1);
    expect(after.filter((message) => message.key?.toString() === alertId)).toHaveLength(1);
  }, 60_000);

  it('makes retries safe with an Idempotency-Key: one alert, one event, the same answer', async () => {
    const headers = { 'idempotency-key': `alarm-centre-${randomUUID()}` };
    const first = await postAlert(firm.key, intrusionInLyon, headers);
    expect(first.status).toBe(201);
    const retries = await Promise.all([1, 2, 3].map(() => postAlert(firm.key, intrusionInLyon, headers)));
    for (const retry of retries) {
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
    }
    expect(first.headers.get('idempotent-replayed')).toBeNull();

    const changed = await postAlert(firm.key, { ...intrusionInLyon, tlp: 'RED' }, headers);
    expect(changed.status).toBe(422);
    expect(changed.body.error).toBe('idempotency_key_reused');
    const malformed = await postAlert(firm.key, intrusionInLyon, { 'idempotency-key': 'has spaces in it' });
    expect(malformed.status).toBe(400);

    await alertDelivered();
    expect(await messagesWithKey(brokers, Topics.AlertSubmittedV1, first.body.id)).toHaveLength(1);
  }, 60_000);

  it('updates and cancels an alert as an immutable chain, delivered to whoever received the original', async () => {
    const original = await postAlert(firm.key, intrusionInLyon);
    expect(original.status).toBe(201);
    const id = original.body.id as string;
    const ingestion = stack.url('alert-ingestion');
    const change = (path: string, body: unknown, key = firm.key) =>
      request<any>('POST', `${ingestion}/v1/alerts/${id}/${path}`, { key, body });
    const deliveredMessage = (alertId: string) =>
      waitFor(() => deliveriesTo(alertId)[0], { what: `the delivery of ${alertId}`, timeoutMs: 15000 });

    const updatedInfo = { ...intrusionInfo, headline: 'Intrusion : individus en fuite vers le pont Pasteur' };
    const update = await change('updates', { ...intrusionInLyon, info: [updatedInfo] });
    expect(update.status).toBe(201);
    expect(update.body).toMatchObject({ msgType: 'Update', originalAlertId: id, status: 'Actual' });
    expect(update.body.references).toEqual([
      `vigie:organisation:${firm.id},${id},${original.body.sent.slice(0, 19)}-00:00`,
    ]);
    const updateDelivery = JSON.parse((await deliveredMessage(update.body.id)).body);
    expect(updateDelivery.alert).toMatchObject({ msgType: 'Update', info: [{ headline: updatedInfo.headline }] });
    expect(updateDelivery.recipient).toMatchObject({ organisationId: rhone.id, rule: 'chain-of-the-original' });

    const wrongStatus = await change('updates', { ...intrusionInLyon, status: 'Exercise' });
    expect(wrongStatus.status).toBe(400);
    const otherFirm = await registerActivePartner(
      registry,
      { kind: 'SECURITY_FIRM', name: 'Autre Société', departments: ['69'] },
      { conventions: [PRIVATE_SECURITY] },
    );
    await waitUntilAccepted(ingestion, otherFirm.key);
    expect((await change('updates', intrusionInLyon, otherFirm.key)).status).toBe(404);
    expect((await change('cancel', { note: 'pas à vous' }, otherFirm.key)).status).toBe(404);

    const cancel = await change('cancel', { note: 'Fausse alerte : déclenchement intempestif' });
    expect(cancel.status).toBe(201);
    expect(cancel.body).toMatchObject({ msgType: 'Cancel', note: 'Fausse alerte : déclenchement intempestif' });
    expect(cancel.body.references).toHaveLength(2);
    expect(JSON.parse((await deliveredMessage(cancel.body.id)).body).alert.msgType).toBe('Cancel');
    expect((await change('cancel', { note: 'encore' })).status).toBe(409);
    expect((await change('updates', intrusionInLyon)).status).toBe(409);

    const history = await request<any[]>('GET', `${ingestion}/v1/alerts/${update.body.id}/history`, { key: firm.key });
    expect(history.body.map((message) => message.msgType)).toEqual(['Alert', 'Update', 'Cancel']);
    const keyed = await messagesWithKey(brokers, Topics.AlertUpdatedV1, id);
    expect(keyed.map((message) => JSON.parse(message.value!.toString()).payload.alert.alertId)).toEqual([
      update.body.id,
    ]);
  }, 60_000);

  it('shows an organisation its own alerts and those routed to it, and nothing else', async () => {
    const alertId = await alertDelivered();
    const ingestion = stack.url('alert-ingestion');
    // The prefecture received it: it may read it, once ingestion has learnt so from alert.routed.v1.
    const asRecipient = await waitFor(
      async () => {
        const result = await request<any>('GET', `${ingestion}/v1/alerts/${alertId}`, { key: rhone.key });
        return result.status === 200 ? result : undefined;
      },
      { what: 'the recipient to be able to read the alert', timeoutMs: 10000 },
    );
    expect(asRecipient.body.alertId).toBe(alertId);

    const outsider = await registerActivePartner(
      registry,
      { kind: 'SECURITY_FIRM', name: 'Tiers Sécurité', departments: ['69'] },
      { conventions: [PRIVATE_SECURITY] },
    );
    await waitUntilAccepted(ingestion, outsider.key);
    expect((await request('GET', `${ingestion}/v1/alerts/${alertId}`, { key: outsider.key })).status).toBe(404);
    const outsiderList = await request<any>('GET', `${ingestion}/v1/alerts`, { key: outsider.key });
    expect(outsiderList.body).toEqual({ alerts: [], nextCursor: null });

    // The firm pages through its own alerts, newest first, filtered.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const path: string = `/v1/alerts?eventCode=intrusion&department=69&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await request<any>('GET', `${ingestion}${path}`, { key: firm.key });
      expect(page.status).toBe(200);
      expect(page.body.alerts.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.alerts.map((alert: { alertId: string }) => alert.alertId));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toContain(alertId);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort().reverse()).toEqual(seen); // UUID v7 ids sort like their send time
    const none = await request<any>('GET', `${ingestion}/v1/alerts?eventCode=fire`, { key: firm.key });
    expect(none.body.alerts).toEqual([]);
    expect((await request('GET', `${ingestion}/v1/alerts?cursor=bogus!`, { key: firm.key })).status).toBe(400);
  }, 60_000);

  it('locates an alert by commune, by a postal code naming one commune, or by coordinates', async () => {
    const byPostalCode = await postAlert(firm.key, { ...intrusionInLyon, location: { postalCode: '69002' } });
    expect(byPostalCode.status).toBe(201);
    expect(byPostalCode.body.location).toEqual({ commune: '69123', communeName: 'Lyon', department: '69' });

    const ambiguous = await postAlert(firm.key, { ...intrusionInLyon, location: { postalCode: '69210' } });
    expect(ambiguous.status).toBe(400);
    expect(ambiguous.body.details[0].field).toBe('location.postalCode');
    expect(ambiguous.body.details[0].problems[0]).toMatch(
      /serves several communes; give the commune instead: 69\d{3} /,
    );

    const byCoordinates = await postAlert(firm.key, {
      ...intrusionInLyon,
      location: { coordinates: { latitude: 45.744, longitude: 4.818 }, department: '69' },
    });
    expect(byCoordinates.status).toBe(201);
    expect(byCoordinates.body.location).toEqual({ commune: null, communeName: null, department: '69' });
    expect(byCoordinates.body.info[0].area[0]).toMatchObject({ circle: ['45.744,4.818 0'] });

    const elsewhere = await postAlert(firm.key, { ...intrusionInLyon, location: { commune: '13055' } });
    expect(elsewhere.status).toBe(201); // the convention is deployed everywhere by default
    const twoAtOnce = await postAlert(firm.key, {
      ...intrusionInLyon,
      location: { commune: '69123', postalCode: '69002' },
    });
    expect(twoAtOnce.status).toBe(400);
  }, 60_000);

  it('answers 401 without a valid key and 403 for an organisation that is not active', async () => {
    expect((await postAlert(undefined, intrusionInLyon)).status).toBe(401);
    expect((await postAlert('not-a-key', intrusionInLyon)).status).toBe(401);
    const forged = firm.key.replace(/_[^_]+$/, `_${'A'.repeat(43)}`);
    expect((await postAlert(forged, intrusionInLyon)).status).toBe(401);
    expect((await postAlert(newAdminKey(), intrusionInLyon)).status).toBe(401);

    const pending = await request<{ id: string }>('POST', `${registry.registryUrl}/v1/organizations`, {
      key: adminKey,
      body: { kind: 'JEWELLER', name: 'Bijouterie des Terreaux', departments: ['69'] },
    });
    expect(pending.status).toBe(201);
    const pendingKey = await issueKey(registry, pending.body.id);
    // Unknown (401) until ingestion learns of the key, then refused because PENDING (403).
    const refused = await waitFor(
      async () => {
        const result = await postAlert(pendingKey, intrusionInLyon);
        return result.status === 403 ? result : undefined;
      },
      { what: 'ingestion to refuse the pending organisation', timeoutMs: 15000 },
    );
    expect(refused.body).toMatchObject({ status: 403, error: 'forbidden', detail: 'organisation is pending' });
  }, 60_000);

  it('dead-letters poison messages with the reason, and the partitions keep flowing', async () => {
    const { length: partitionCount } = await topicPartitions(Topics.AlertSubmittedV1);
    const tag = randomUUID();
    const poison = Array.from({ length: partitionCount }, (_, partition) => [
      { partition, key: `${tag}-json-${partition}`, value: 'this is not JSON' },
      { partition, key: `${tag}-envelope-${partition}`, value: JSON.stringify({ hello: 'world' }) },
    ]).flat();
    await producer.send({ topic: Topics.AlertSubmittedV1, messages: poison });

    // A valid alert, behind a poison message on whichever partition it lands, still arrives.
    await alertDelivered();

    const deadLetters = await waitFor(
      async () => {
        const found = (await readTopic(brokers, `${Topics.AlertSubmittedV1}.dlq`)).filter((m) =>
          m.key?.toString().startsWith(tag),
        );
        return found.length === poison.length ? found : undefined;
      },
      { what: 'every poison message on the dead-letter topic', timeoutMs: 15000 },
    );
    const reasons = new Map(deadLetters.map((m) => [m.key!.toString(), m.headers!['vigie-dlq-reason']!.toString()]));
    expect(reasons.get(`${tag}-json-0`)).toBe('value is not JSON');
    expect(reasons.get(`${tag}-envelope-0`)).toMatch(/^invalid envelope; id: is missing; type: is missing; /);
    expect(deadLetters[0].headers!['vigie-dlq-consumer']!.toString()).toBe('prefect-routing');
  }, 60_000);

  it('gives a redelivered event no second effect', async () => {
    const alertId = await alertDelivered();
    const [original] = await messagesWithKey(brokers, Topics.AlertSubmittedV1, alertId);
    const [sent] = await producer.send({
      topic: Topics.AlertSubmittedV1,
      messages: [{ key: alertId, value: original.value, headers: original.headers }],
    });
    const redeliveredOffset = Number(sent.baseOffset);

    // Wait until routing has consumed the copy (its group committed past it) …
    const admin = kafka.admin();
    await admin.connect();
    try {
      await waitFor(
        async () => {
          const [committed] = await admin.fetchOffsets({
            groupId: 'prefect-routing',
            topics: [Topics.AlertSubmittedV1],
          });
          const partition = committed.partitions.find((p) => p.partition === sent.partition);
          return Number(partition?.offset ?? -1) > redeliveredOffset;
        },
        { what: 'routing to consume the redelivered event', timeoutMs: 20000, intervalMs: 200 },
      );
    } finally {
      await admin.disconnect();
    }
    // … then it must have routed once and notified once.
    expect(await messagesWithKey(brokers, Topics.AlertRoutedV1, alertId)).toHaveLength(1);
    const deliveries = await request<any[]>('GET', `${stack.url('notification')}/v1/deliveries?alertId=${alertId}`, {
      key: rhone.key,
    });
    expect(deliveries.body.filter((delivery) => delivery.webhookId === webhookId)).toHaveLength(1);
    expect(deliveriesTo(alertId)).toHaveLength(1);
  }, 60_000);

  /** New alerts for the Rhône as routing receives them: a delivered alert's event, each with new ids (its own chain). */
  async function newAlertEvents(count: number): Promise<any[]> {
    const alertId = await alertDelivered();
    const [published] = await messagesWithKey(brokers, Topics.AlertSubmittedV1, alertId);
    const template = JSON.parse(published.value!.toString());
    return Array.from({ length: count }, () => {
      const envelope = structuredClone(template);
      envelope.id = randomUUID();
      envelope.payload.alert.alertId = envelope.payload.alert.originalAlertId = randomUUID();
      return envelope;
    });
  }

  const asMessage = (envelope: any) => ({ key: envelope.payload.alert.alertId, value: JSON.stringify(envelope) });

  /** Routing's handled-event rows for these events, once there is one for each. */
  function handledOnceEach(db: Client, events: any[]): Promise<{ event_id: string; handled_at: Date }[]> {
    return waitFor(
      async () => {
        const { rows } = await db.query<{ event_id: string; handled_at: Date }>(
          'SELECT event_id, handled_at FROM routing.handled_events WHERE event_id = ANY($1::uuid[])',
          [events.map((event) => event.id)],
        );
        return rows.length === events.length ? rows : undefined;
      },
      { what: 'routing to handle the burst', timeoutMs: 20000, intervalMs: 100 },
    );
  }

  /** The first message on alert.submitted.v1's dead-letter topic that `matches`, once there is one. */
  async function deadLettered(matches: (message: KafkaMessage) => boolean, what: string): Promise<KafkaMessage> {
    const [found] = await waitFor(
      async () => {
        const messages = (await readTopic(brokers, `${Topics.AlertSubmittedV1}.dlq`)).filter(matches);
        return messages.length > 0 ? messages : undefined;
      },
      { what, timeoutMs: 20000 },
    );
    return found;
  }

  /** Each alert was routed (alert.routed.v1 in routing's outbox) exactly once. */
  async function expectRoutedOnce(db: Client, events: any[]): Promise<void> {
    const { rows: routed } = await db.query<{ message_key: string; copies: number }>(
      `SELECT message_key, count(*)::int AS copies FROM routing.outbox
       WHERE topic = $1 AND message_key = ANY($2::text[]) GROUP BY message_key`,
      [Topics.AlertRoutedV1, events.map((event) => event.payload.alert.alertId)],
    );
    expect(routed).toHaveLength(events.length);
    expect(routed.every((row) => row.copies === 1)).toBe(true);
  }

  it('handles a burst on a partition in one transaction: each event once, a copy ignored, poison set aside', async () => {
    const events = await newAlertEvents(8);
    const tag = randomUUID();
    // One produce request: the broker appends it as one record batch, which routing fetches whole.
    await producer.send({
      topic: Topics.AlertSubmittedV1,
      messages: [
        ...events.slice(0, 4).map(asMessage),
        { key: `${tag}-poison`, value: 'not JSON either' },
        asMessage(events[1]),
        ...events.slice(4).map(asMessage),
      ].map((message) => ({ ...message, partition: 0 })),
    });

    const db = new Client({ connectionString: e2eEnv.databaseUrl });
    await db.connect();
    try {
      const handled = await handledOnceEach(db, events);
      // handled_at is the transaction's start: one value, one transaction.
      expect(new Set(handled.map((row) => row.handled_at.getTime())).size).toBe(1);
      await expectRoutedOnce(db, events);
    } finally {
      await db.end();
    }
    const deadLetter = await deadLettered(
      (m) => m.key?.toString() === `${tag}-poison`,
      'the poison message of the burst on the dead-letter topic',
    );
    expect(deadLetter.value!.toString()).toBe('not JSON either');
    expect(deadLetter.headers!['vigie-dlq-reason']!.toString()).toBe('value is not JSON');
  }, 60_000);

  it('handles the rest of a burst when one of its events fails: that one is retried alone, then dead-lettered', async () => {
    const events = await newAlertEvents(6);
    // A second event for the third alert: routing already decided on that alert, so this one fails
    // (a unique constraint), and with it the burst's transaction.
    const twin = { ...structuredClone(events[2]), id: randomUUID() };
    await producer.send({
      topic: Topics.AlertSubmittedV1,
      messages: [...events.slice(0, 3), twin, ...events.slice(3)]
        .map(asMessage)
        .map((message) => ({ ...message, partition: 0 })),
    });

    const db = new Client({ connectionString: e2eEnv.databaseUrl });
    await db.connect();
    try {
      const handled = await handledOnceEach(db, events);
      // Handled one at a time after the shared transaction failed.
      expect(new Set(handled.map((row) => row.handled_at.getTime())).size).toBe(events.length);
      await expectRoutedOnce(db, events);
      const deadLetter = await deadLettered(
        (m) => m.value?.toString().includes(twin.id) ?? false,
        'the failing event on the dead-letter topic',
      );
      expect(deadLetter.headers!['vigie-dlq-reason']!.toString()).toMatch(
        /^failed after 5 attempts: .*duplicate key value violates unique constraint "uq_routing_decisions_alert"/,
      );
      const { rowCount } = await db.query('SELECT 1 FROM routing.handled_events WHERE event_id = $1', [twin.id]);
      expect(rowCount).toBe(0);
    } finally {
      await db.end();
    }
  }, 60_000);

  it('publishes what the outbox holds when the service starts again', async () => {
    const alertId = await alertDelivered();
    const [published] = await messagesWithKey(brokers, Topics.AlertSubmittedV1, alertId);
    const envelope = JSON.parse(published.value!.toString());
    // An event committed just before a crash: in the outbox, never published.
    const pendingAlertId = randomUUID();
    envelope.id = randomUUID();
    envelope.payload.alert.alertId = pendingAlertId;

    await stack.stopService('alert-ingestion', 'SIGKILL');
    const db = new Client({ connectionString: e2eEnv.databaseUrl });
    await db.connect();
    try {
      await db.query('INSERT INTO ingestion.outbox (id, topic, message_key, envelope) VALUES ($1, $2, $3, $4)', [
        envelope.id,
        Topics.AlertSubmittedV1,
        pendingAlertId,
        envelope,
      ]);
      await stack.startService('alert-ingestion');
      await waitFor(() => deliveriesTo(pendingAlertId).length === 1, {
        what: 'the pending event to be published, routed and delivered after restart',
        timeoutMs: 20000,
      });
      const { rows } = await db.query('SELECT published_at FROM ingestion.outbox WHERE id = $1', [envelope.id]);
      expect(rows[0].published_at).not.toBeNull();
    } finally {
      await db.end();
    }
  }, 90_000);

  async function topicPartitions(topic: string): Promise<number[]> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
      return metadata.topics[0].partitions.map((p) => p.partitionId);
    } finally {
      await admin.disconnect();
    }
  }
});
