import { randomUUID } from 'node:crypto';
import type { components } from '@vigie/client';
import { Topics } from '@vigie/contracts';
import {
  Stack,
  WebhookSink,
  messagesWithKey,
  prefectureWithKey,
  request,
  waitFor,
  waitUntilAccepted,
  type HttpResult,
  type Partner,
} from '@vigie/testing';
import { e2eEnv, newAdminKey } from './e2e.env';
import { ALARM_CENTRE, capDocument } from './fixtures/cap';
import { intrusion, nationalLevel, privateSecurityFirm, registerWebhook } from './notification-fixtures';
import { startTestStack } from './test-stack';

const brokers = [e2eEnv.kafkaBrokers];
const CAP_XML = 'application/cap+xml';
type Delivered = components['schemas']['AlertRoutedMessage'];

describe('CAP Update and Cancel messages: a change joins the chain its references name', () => {
  const adminKey = newAdminKey();
  let stack: Stack;
  let firm: Partner;
  let otherFirm: Partner;
  const sinks: Record<'rhone' | 'national', WebhookSink> = {} as never;
  const recipients: Record<'rhone' | 'national', string> = {} as never;
  const webhooks: { key: string; id: string }[] = [];

  const ingestion = () => stack.url('alert-ingestion');
  const post = (path: string, key: string, body: string, headers: Record<string, string> = {}) =>
    request<any>('POST', `${ingestion()}${path}`, {
      key,
      rawBody: body,
      headers: { 'content-type': CAP_XML, ...headers },
    });

  /** What a recipient's webhook received for this message, once it has. */
  function deliveredTo(recipient: 'rhone' | 'national', alertId: string): Promise<Delivered> {
    return waitFor(
      () =>
        sinks[recipient].received
          .map((received) => JSON.parse(received.body) as Delivered)
          .find((delivery) => delivery.alert?.alertId === alertId),
      { what: `the delivery of ${alertId} to the ${recipient} webhook`, timeoutMs: 20_000 },
    );
  }

  /** The alarm centre's original alert, delivered to both recipients; its CAP reference as the centre writes it. */
  async function deliveredOriginal(): Promise<{ id: string; reference: string; answer: any }> {
    const identifier = `GRA-${randomUUID()}`;
    const sent = '2026-11-28T01:14:05+01:00';
    const created = await post('/v1/alerts', firm.key, capDocument({ identifier, sent, msgType: 'Alert' }));
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    for (const recipient of ['rhone', 'national'] as const) {
      expect((await deliveredTo(recipient, id)).alert.msgType).toBe('Alert');
    }
    return { id, reference: `${ALARM_CENTRE},${identifier},${sent}`, answer: created.body };
  }

  /** The ids of the updates and cancellations the firm sent. */
  async function changesOfTheFirm(): Promise<string[]> {
    const ids: string[] = [];
    for (const msgType of ['Update', 'Cancel']) {
      const page = await request<any>('GET', `${ingestion()}/v1/alerts?msgType=${msgType}&limit=200`, {
        key: firm.key,
      });
      expect(page.status).toBe(200);
      ids.push(...page.body.alerts.map((alert: { alertId: string }) => alert.alertId));
    }
    return ids.sort();
  }

  /** Vigie's reference to a message it answered: its sender, identifier and sent. */
  const vigieReference = (message: { sender: string; identifier: string; sent: string }) =>
    `${message.sender},${message.identifier},${message.sent.slice(0, 19)}-00:00`;

  /** A CAP document under an identifier not used before: `GRA-` for the alarm centre's own tool. */
  const newDocument = (message: Omit<Parameters<typeof capDocument>[0], 'identifier'>, prefix = 'GRA') =>
    capDocument({ identifier: `${prefix}-${randomUUID()}`, ...message });

  beforeAll(async () => {
    stack = await startTestStack('cap-changes', 480, { adminKey });
    const registry = { registryUrl: stack.url('partner-registry'), adminKey };
    firm = await privateSecurityFirm(registry, 'Centrale Lyonnaise de Télésurveillance', ['69']);
    otherFirm = await privateSecurityFirm(registry, 'Sécurité des Quais de Saône', ['69']);
    // A Severe alert in the Rhône reaches the competent prefecture and, by escalation, the national level.
    const prefecture = await prefectureWithKey(registry, '69');
    const rhoneKey = prefecture.key;
    const national = await nationalLevel(registry, ['subscriber']);
    recipients.rhone = prefecture.id;
    recipients.national = national.id;
    await waitUntilAccepted(ingestion(), firm.key);
    await waitUntilAccepted(ingestion(), otherFirm.key);
    for (const [name, key] of [
      ['rhone', rhoneKey],
      ['national', national.key],
    ] as const) {
      sinks[name] = await WebhookSink.start();
      await waitUntilAccepted(stack.url('notification'), key);
      const webhook = await registerWebhook(stack, key, sinks[name].url);
      webhooks.push({ key, id: webhook.id });
    }
  }, 120_000);

  afterAll(async () => {
    // Later files share the database: they must not keep delivering to sinks closed here.
    for (const { key, id } of webhooks) {
      await request('DELETE', `${stack.url('notification')}/v1/webhooks/${id}`, { key });
    }
    await stack?.stop();
    await Promise.all(Object.values(sinks).map((sink) => sink.close()));
  }, 30_000);

  it('delivers a CAP Update and a CAP Cancel posted as CAP XML to every recipient of the original', async () => {
    const original = await deliveredOriginal();

    // The centre's update names its own earlier message, as its CAP tool wrote it.
    const updateIdentifier = `GRA-${randomUUID()}`;
    const update = await post(
      '/v1/alerts',
      firm.key,
      capDocument({
        identifier: updateIdentifier,
        sent: '2026-11-28T01:31:40+01:00',
        msgType: 'Update',
        headline: 'Intrusion : individus en fuite vers le pont Pasteur',
        references: [original.reference],
      }),
    );
    expect(update.status).toBe(201);
    expect(update.body).toMatchObject({
      msgType: 'Update',
      identifier: updateIdentifier,
      originalAlertId: original.id,
      status: 'Actual',
      // Recipients read the chain in Vigie's names, whatever the centre called its messages.
      references: [vigieReference(original.answer)],
      info: [{ headline: 'Intrusion : individus en fuite vers le pont Pasteur' }],
    });

    for (const recipient of ['rhone', 'national'] as const) {
      const delivered = await deliveredTo(recipient, update.body.id);
      expect(delivered.alert).toMatchObject({ msgType: 'Update', originalAlertId: original.id });
      expect(delivered.alert.info[0].headline).toBe('Intrusion : individus en fuite vers le pont Pasteur');
      expect(delivered.recipient).toMatchObject({ organisationId: recipients[recipient] });
      expect(delivered.recipient.rule).toContain('chain-of-the-original');
    }

    // The cancellation names both messages: one as the centre wrote it, the other as Vigie answered it.
    const cancel = await post(
      '/v1/alerts',
      firm.key,
      newDocument({
        sent: '2026-11-28T01:52:00+01:00',
        msgType: 'Cancel',
        note: 'Fausse alerte : déclenchement intempestif du détecteur',
        references: [original.reference, vigieReference(update.body)],
      }),
    );
    expect(cancel.status).toBe(201);
    expect(cancel.body).toMatchObject({
      msgType: 'Cancel',
      originalAlertId: original.id,
      note: 'Fausse alerte : déclenchement intempestif du détecteur',
      // The content stays the chain's latest.
      info: [{ headline: 'Intrusion : individus en fuite vers le pont Pasteur' }],
    });
    expect(cancel.body.references).toHaveLength(2);

    for (const recipient of ['rhone', 'national'] as const) {
      const delivered = await deliveredTo(recipient, cancel.body.id);
      expect(delivered.alert).toMatchObject({
        msgType: 'Cancel',
        originalAlertId: original.id,
        note: 'Fausse alerte : déclenchement intempestif du détecteur',
      });
      expect(delivered.recipient.organisationId).toBe(recipients[recipient]);
    }

    // One event each, on the change topics, keyed by the original so the chain stays in order.
    const updated = await messagesWithKey(brokers, Topics.AlertUpdatedV1, original.id);
    const cancelled = await messagesWithKey(brokers, Topics.AlertCancelledV1, original.id);
    expect(updated.map((message) => JSON.parse(message.value!.toString()).payload.alert.alertId)).toEqual([
      update.body.id,
    ]);
    expect(cancelled.map((message) => JSON.parse(message.value!.toString()).payload.alert.alertId)).toEqual([
      cancel.body.id,
    ]);
    const history = await request<any[]>('GET', `${ingestion()}/v1/alerts/${original.id}/history`, { key: firm.key });
    expect(history.body.map((message) => message.msgType)).toEqual(['Alert', 'Update', 'Cancel']);

    // A cancelled alert does not change again, whichever way the change comes.
    const late = await post(
      '/v1/alerts',
      firm.key,
      newDocument({
        sent: '2026-11-28T02:00:00+01:00',
        msgType: 'Update',
        references: [original.reference],
      }),
    );
    expect(late.status).toBe(409);
    expect(late.body.error).toBe('conflict');
  }, 90_000);

  it('refuses a reference to an unknown message and one to another sender’s message alike, creating nothing', async () => {
    const theirs = await request<any>('POST', `${ingestion()}/v1/alerts`, {
      key: otherFirm.key,
      body: { ...intrusion('69123', 'Severe', 'Intrusion, entrepôt voisin'), identifier: `AUTRE-${randomUUID()}` },
    });
    expect(theirs.status).toBe(201);
    const mine = await deliveredOriginal();
    const changesSoFar = await changesOfTheFirm();
    const updateNaming = (reference: string) =>
      newDocument({
        sent: '2026-11-28T01:31:40+01:00',
        msgType: 'Update',
        references: [reference],
      });

    const refusals: HttpResult<any>[] = [];
    for (const reference of [
      // Another firm's message, named exactly as Vigie answered it to that firm.
      vigieReference(theirs.body),
      // The same, under this firm's own Vigie sender.
      `vigie:organisation:${firm.id},${theirs.body.identifier},${theirs.body.sent.slice(0, 19)}-00:00`,
      // A message nobody sent.
      `${ALARM_CENTRE},GRA-${randomUUID()},2026-11-28T01:14:05+01:00`,
      // This firm's message, with the wrong sent.
      mine.reference.replace('01:14:05', '01:14:06'),
    ]) {
      refusals.push(await post('/v1/alerts', firm.key, updateNaming(reference)));
    }
    for (const refusal of refusals) {
      expect(refusal.status).toBe(422);
      expect(refusal.body).toEqual({
        type: 'urn:vigie:problem:unknown_reference',
        title: 'Unknown reference',
        status: 422,
        detail: 'the references name no message your organisation sent',
        instance: '/v1/alerts',
        error: 'unknown_reference',
        details: [{ field: 'references.0', problems: ['names no message your organisation sent'] }],
      });
    }

    // Malformed references are a 400 naming the entry; an Update without references, too.
    const malformed = await post('/v1/alerts', firm.key, updateNaming(`${ALARM_CENTRE},GRA-1`));
    expect(malformed.status).toBe(400);
    expect(malformed.body.details).toEqual([
      { field: 'references.0', problems: ['each reference must be sender,identifier,sent'] },
    ]);
    const bare = await request<any>('POST', `${ingestion()}/v1/alerts`, {
      key: firm.key,
      body: { status: 'Actual', msgType: 'Cancel', note: 'sans référence' },
    });
    expect(bare.status).toBe(400);
    expect(bare.body.details).toEqual([
      { field: 'references', problems: ['a Cancel names the earlier messages it changes (sender,identifier,sent)'] },
    ]);

    // References spanning two alerts of the firm: it must say which one.
    const second = await deliveredOriginal();
    const across = await post('/v1/alerts', firm.key, updateNaming(`${mine.reference} ${second.reference}`));
    expect(across.status).toBe(422);
    expect(across.body.error).toBe('references_across_alerts');

    // None of it was stored or reached Kafka: no new change from this firm, no change of these alerts.
    expect(await changesOfTheFirm()).toEqual(changesSoFar);
    for (const id of [theirs.body.id, mine.id, second.id]) {
      expect(await messagesWithKey(brokers, Topics.AlertUpdatedV1, id)).toEqual([]);
    }
  }, 90_000);

  it('takes CAP XML on the update and cancel routes, and replays a change sent twice with its Idempotency-Key', async () => {
    const original = await deliveredOriginal();
    const other = await deliveredOriginal();
    const headers = { 'idempotency-key': `centre-${randomUUID()}` };
    const document = newDocument({
      sent: '2026-11-28T01:31:40+01:00',
      msgType: 'Update',
      headline: 'Intrusion : renforts sur place',
    });

    const update = await post(`/v1/alerts/${original.id}/updates`, firm.key, document, headers);
    expect(update.status).toBe(201);
    expect(update.body).toMatchObject({ msgType: 'Update', originalAlertId: original.id });
    const replay = await post(`/v1/alerts/${original.id}/updates`, firm.key, document, headers);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(update.body);
    for (const recipient of ['rhone', 'national'] as const) {
      expect((await deliveredTo(recipient, update.body.id)).alert.msgType).toBe('Update');
    }

    // A document of the wrong kind for the route, or naming another alert, is refused.
    const alertOnUpdates = await post(
      `/v1/alerts/${original.id}/updates`,
      firm.key,
      newDocument({ sent: '2026-11-28T01:40:00+01:00', msgType: 'Alert' }),
    );
    expect(alertOnUpdates.status).toBe(400);
    /** A Cancel of the original sent at 01:45 by `key`, under an identifier with `prefix`. */
    const cancelOfOriginal = (key: string, prefix: string, fields: { note?: string; references?: string[] } = {}) =>
      post(
        `/v1/alerts/${original.id}/cancel`,
        key,
        newDocument({ sent: '2026-11-28T01:45:00+01:00', msgType: 'Cancel', ...fields }, prefix),
      );
    const elsewhere = await cancelOfOriginal(firm.key, 'GRA', {
      note: 'Levée de doute',
      references: [other.reference],
    });
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.error).toBe('references_across_alerts');
    const withoutNote = await cancelOfOriginal(firm.key, 'GRA');
    expect(withoutNote.status).toBe(400);
    expect(withoutNote.body.details).toEqual([{ field: 'note', problems: ['a Cancel gives its reason in note'] }]);
    const notYours = await cancelOfOriginal(otherFirm.key, 'AUTRE', { note: 'pas à vous' });
    expect(notYours.status).toBe(404);

    const cancelDocument = newDocument({
      sent: '2026-11-28T01:50:00+01:00',
      msgType: 'Cancel',
      note: 'Levée de doute : personnel de ménage',
      references: [original.reference],
    });
    const cancelKey = { 'idempotency-key': `centre-${randomUUID()}` };
    const cancel = await post(`/v1/alerts/${original.id}/cancel`, firm.key, cancelDocument, cancelKey);
    expect(cancel.status).toBe(201);
    expect(cancel.body).toMatchObject({ msgType: 'Cancel', note: 'Levée de doute : personnel de ménage' });
    // Its retry finds the alert cancelled, by itself: it gets the first answer, not a 409.
    const cancelRetry = await post(`/v1/alerts/${original.id}/cancel`, firm.key, cancelDocument, cancelKey);
    expect(cancelRetry.status).toBe(201);
    expect(cancelRetry.headers.get('idempotent-replayed')).toBe('true');
    expect(cancelRetry.body).toEqual(cancel.body);
    const reusedKey = await post(
      `/v1/alerts/${original.id}/cancel`,
      firm.key,
      cancelDocument.replace('ménage', 'nuit'),
      cancelKey,
    );
    expect(reusedKey.status).toBe(422);
    expect(reusedKey.body.error).toBe('idempotency_key_reused');
    for (const recipient of ['rhone', 'national'] as const) {
      expect((await deliveredTo(recipient, cancel.body.id)).alert.msgType).toBe('Cancel');
    }
    expect(await messagesWithKey(brokers, Topics.AlertUpdatedV1, original.id)).toHaveLength(1);
    expect(await messagesWithKey(brokers, Topics.AlertCancelledV1, original.id)).toHaveLength(1);

    // JSON clients name messages as Vigie answered them: the other alert, updated in JSON through POST /v1/alerts.
    const json = await request<any>('POST', `${ingestion()}/v1/alerts`, {
      key: firm.key,
      body: {
        status: 'Actual',
        msgType: 'Update',
        references: [vigieReference(other.answer)],
        location: { commune: '69123' },
        info: [
          {
            category: ['Security'],
            eventCode: 'intrusion',
            urgency: 'Expected',
            severity: 'Severe',
            certainty: 'Observed',
            headline: 'Intrusion : site sécurisé, en attente de la police',
          },
        ],
      },
    });
    expect(json.status).toBe(201);
    expect(json.body).toMatchObject({ msgType: 'Update', originalAlertId: other.id });
    expect((await deliveredTo('rhone', json.body.id)).alert.msgType).toBe('Update');
  }, 90_000);
});
