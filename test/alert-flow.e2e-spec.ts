import { randomUUID } from 'node:crypto';
import { ConfigResourceTypes } from 'kafkajs';
import { Topics } from '@vigie/contracts';
import {
  SERVICES,
  issueKey,
  messagesWithKey,
  readTopic,
  registerActivePartner,
  request,
  waitFor,
  waitUntilAccepted,
} from '@vigie/testing';
import { verifyWebhook } from '../apps/notification/src/channels/webhook/webhook.signer';
import {
  PRIVATE_SECURITY,
  brokers,
  intrusionInLyon,
  intrusionInfo,
  useAlertFlowWorld,
} from './alert-flow/alert-flow-world';
import { newAdminKey } from './e2e.env';

/** What a sender and a recipient see of an alert; the messaging guarantees are in alert-flow-messaging. */
describe('an alert end to end: four services, a real Kafka broker, a real PostgreSQL', () => {
  const world = useAlertFlowWorld('alert-flow', 0, 'Gardiennage Rhône-Alpes SAS');
  const { postAlert, deliveriesTo, alertDelivered, kafka, adminKey } = world;
  let stack: typeof world.stack;
  let firm: typeof world.firm;
  let rhone: typeof world.rhone;
  let registry: typeof world.registry;
  let webhookSecret: string;
  beforeAll(() => ({ stack, firm, rhone, registry, webhookSecret } = world));

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
        'audit.read.v1',
        'audit.read.v1.dlq',
        'broadcast.acknowledged.v1',
        'broadcast.acknowledged.v1.dlq',
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
});
