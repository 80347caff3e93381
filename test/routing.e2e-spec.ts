import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { Topics } from '@vigie/contracts';
import { issueKey, messagesWithKey, request, waitFor, waitUntilAccepted, type Partner } from '@vigie/testing';
import { e2eEnv } from './e2e.env';
import { alertIn, ids, useRoutingWorld } from './routing/routing-world';

describe('routing: the right people, and only they, with the reasons', () => {
  const { world, partner, prefecture, received, post, decisionOf } = useRoutingWorld('routing', 90);
  const brokers = [e2eEnv.kafkaBrokers];
  let routingUrl: string;
  let producer: Producer;

  beforeAll(async () => {
    routingUrl = world.stack.url('prefect-routing');
    producer = new Kafka({ clientId: 'vigie-e2e-routing', brokers, logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
  }, 120_000);

  afterAll(async () => {
    await producer?.disconnect();
  }, 30_000);

  describe('in the Rhône', () => {
    let sender: Partner;
    let rhone: Partner;
    let member: Partner;
    let jeweller: Partner;
    let isere: Partner;

    beforeAll(async () => {
      sender = await partner({ kind: 'SECURITY_FIRM', name: 'Lyon Rondes Émettrice', departments: ['69'] }, [
        'private-security-2019',
      ]);
      await waitUntilAccepted(world.stack.url('alert-ingestion'), sender.key);
      rhone = await prefecture('69');
      member = await partner(
        { kind: 'SECURITY_FIRM', name: 'Gardiennage Presqu’île', departments: ['69'] },
        ['private-security-2019'],
        '69',
      );
      jeweller = await partner(
        { kind: 'JEWELLER', name: 'Joaillerie des Brotteaux', departments: ['69'] },
        ['jewellery-2018'],
        '69',
      );
      isere = await partner(
        { kind: 'SECURITY_FIRM', name: 'Surveillance Dauphinoise', departments: ['38'] },
        ['private-security-2019'],
        '38',
      );
    }, 120_000);

    it('sends a GREEN alert to the prefecture and the subscribed members of the private-security convention, not to another convention nor the Isère', async () => {
      const alertId = await post(sender.key, alertIn('69123', 'GREEN'));
      await waitFor(() => received(member.id, alertId) && received(rhone.id, alertId), {
        what: 'the prefecture and the convention member to receive it',
        timeoutMs: 20000,
      });

      const decision = await decisionOf(alertId, sender.key);
      expect(ids(decision.recipients)).toEqual(expect.arrayContaining([rhone.id, member.id]));
      expect(ids(decision.recipients)).not.toContain(jeweller.id);
      expect(ids(decision.recipients)).not.toContain(isere.id);
      expect(decision.recipients.find((r) => r.organisationId === rhone.id)?.rule).toBe('competent-prefecture');
      expect(decision.recipients.find((r) => r.organisationId === member.id)?.reason).toMatch(
        /subscribed to .* in 69 .*TLP:GREEN — community: the sender's convention deployed in 69/,
      );
      expect(decision.excluded.find((e) => e.organisationId === jeweller.id)?.reason).toMatch(
        /^TLP:GREEN — outside the community/,
      );
      expect(received(jeweller.id, alertId)).toBe(false);
      expect(received(isere.id, alertId)).toBe(false);
    }, 60_000);

    it('sends a RED alert to its named recipients only', async () => {
      const alertId = await post(sender.key, alertIn('69123', 'RED', { addresses: [jeweller.id] }));
      await waitFor(() => received(jeweller.id, alertId), {
        what: 'the named jeweller to receive it',
        timeoutMs: 20000,
      });

      const decision = await decisionOf(alertId, sender.key);
      expect(ids(decision.recipients)).toEqual([jeweller.id]);
      expect(decision.recipients[0].reason).toMatch(/was named by the sender.*TLP:RED — named recipient/);
      expect(decision.excluded.find((e) => e.organisationId === rhone.id)?.reason).toBe(
        'TLP:RED — not a named recipient',
      );
      expect(decision.excluded.find((e) => e.organisationId === member.id)?.reason).toBe(
        'TLP:RED — not a named recipient',
      );
      expect(received(member.id, alertId)).toBe(false);
      expect(received(rhone.id, alertId)).toBe(false);
    }, 60_000);

    it('shows the explanation to the sender, State recipients and administrators, not to a partner recipient', async () => {
      const alertId = await post(sender.key, alertIn('69123', 'GREEN'));
      await decisionOf(alertId, sender.key);
      const as = (key: string) => request('GET', `${routingUrl}/v1/alerts/${alertId}/routing`, { key });
      expect((await as(rhone.key)).status).toBe(200);
      expect((await as(await nationalAdminKey())).status).toBe(200);
      expect((await as(member.key)).status).toBe(404);
      expect((await as(jeweller.key)).status).toBe(404);
    }, 60_000);

    it('sends an update that widens the audience to the new recipients, and a cancellation to all of them', async () => {
      const alertId = await post(sender.key, alertIn('69123', 'AMBER'));
      const original = await decisionOf(alertId, sender.key);
      expect(ids(original.recipients)).not.toContain(member.id);

      const updateId = await post(sender.key, alertIn('69123', 'GREEN'), `/v1/alerts/${alertId}/updates`);
      await waitFor(() => received(member.id, updateId), {
        what: 'the widened update to reach the member',
        timeoutMs: 20000,
      });
      const update = await decisionOf(updateId, sender.key);
      expect(update.recipients.find((r) => r.organisationId === rhone.id)?.rule).toBe('chain-of-the-original');
      expect(update.recipients.find((r) => r.organisationId === member.id)?.rule).toBe('update-widens:subscribers');

      const cancelId = await post(sender.key, { note: 'Fausse alerte' }, `/v1/alerts/${alertId}/cancel`);
      await waitFor(() => received(member.id, cancelId) && received(rhone.id, cancelId), {
        what: 'the cancellation to reach everyone who received the chain',
        timeoutMs: 20000,
      });
      const cancel = await decisionOf(cancelId, sender.key);
      expect(cancel.recipients.every((r) => r.rule === 'chain-of-the-original')).toBe(true);
    }, 90_000);

    it('parks a cancellation that arrives before its original and applies it once the original is routed', async () => {
      // A real alert gives a valid snapshot to copy; the copy's chain is new to routing.
      const templateId = await post(sender.key, alertIn('69123', 'GREEN'));
      await decisionOf(templateId, sender.key);
      const [submitted] = await messagesWithKey(brokers, Topics.AlertSubmittedV1, templateId);
      const envelope = JSON.parse(submitted.value!.toString()) as { id: string; payload: { alert: any } };
      const originalId = randomUUID();
      const cancelId = randomUUID();
      const originalAlert = { ...envelope.payload.alert, alertId: originalId, originalAlertId: originalId };
      const cancelAlert = { ...originalAlert, alertId: cancelId, msgType: 'Cancel', identifier: cancelId };
      const asEvent = (type: string, alert: unknown) =>
        JSON.stringify({ ...envelope, id: randomUUID(), type, payload: { alert } });

      const [sent] = await producer.send({
        topic: Topics.AlertCancelledV1,
        messages: [{ key: originalId, value: asEvent('alert.cancelled', cancelAlert) }],
      });
      await waitForConsumed(Topics.AlertCancelledV1, sent.partition, Number(sent.baseOffset));
      expect((await request('GET', `${routingUrl}/v1/alerts/${cancelId}/routing`, { key: sender.key })).status).toBe(
        404,
      );

      await producer.send({
        topic: Topics.AlertSubmittedV1,
        messages: [{ key: originalId, value: asEvent('alert.submitted', originalAlert) }],
      });
      const original = await decisionOf(originalId, sender.key);
      const cancel = await decisionOf(cancelId, sender.key);
      expect(ids(cancel.recipients).sort()).toEqual(ids(original.recipients).sort());
      expect(ids(cancel.recipients)).toEqual(expect.arrayContaining([rhone.id, member.id]));
      await waitFor(() => received(member.id, cancelId), {
        what: 'the parked cancellation delivered',
        timeoutMs: 20000,
      });
    }, 90_000);

    it('lets the prefecture add a rule for its département, which names a need-to-know recipient under AMBER', async () => {
      const rule = {
        id: `rhone-drones-${Date.now()}`,
        description: 'Les survols de drone du Rhône sont aussi signalés à la joaillerie des Brotteaux',
        when: [{ departments: ['69'], eventCodes: ['drone-overflight'] }],
        select: { type: 'organisations', organisationIds: [jeweller.id] },
      };
      const created = await request<any>('POST', `${routingUrl}/v1/routing/rules`, { key: rhone.key, body: rule });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ id: rule.id, builtin: false, ownerOrganisationId: rhone.id });

      const beyond = { ...rule, id: `${rule.id}-38`, when: [{ departments: ['38'] }] };
      const refused = await request<any>('POST', `${routingUrl}/v1/routing/rules`, { key: rhone.key, body: beyond });
      expect(refused.status).toBe(403);
      expect(refused.body.detail).toBe("outside the prefecture's competence: département 38");
      const builtin = await request('DELETE', `${routingUrl}/v1/routing/rules/competent-prefecture`, {
        key: rhone.key,
      });
      expect(builtin.status).toBe(403);
      expect((await request('GET', `${routingUrl}/v1/routing/rules`, { key: member.key })).status).toBe(403);
      const listed = await request<any[]>('GET', `${routingUrl}/v1/routing/rules`, { key: rhone.key });
      expect(listed.body.map((r) => r.id)).toEqual(expect.arrayContaining(['competent-prefecture', rule.id]));

      try {
        const alertId = await post(sender.key, alertIn('69123', 'AMBER', {}, 'drone-overflight'));
        await waitFor(() => received(jeweller.id, alertId), {
          what: 'the rule to reach the jeweller',
          timeoutMs: 20000,
        });
        const decision = await decisionOf(alertId, sender.key);
        expect(decision.recipients.find((r) => r.organisationId === jeweller.id)).toEqual({
          organisationId: jeweller.id,
          rule: rule.id,
          reason: expect.stringMatching(/TLP:AMBER — named by a rule: need to know$/),
        });
        // AMBER: the subscribed member of the convention has no need to know.
        expect(decision.excluded.find((e) => e.organisationId === member.id)?.reason).toBe(
          'TLP:AMBER — restricted to State recipients and organisations named by a rule',
        );
      } finally {
        const deleted = await request('DELETE', `${routingUrl}/v1/routing/rules/${rule.id}`, { key: rhone.key });
        expect(deleted.status).toBe(204);
      }
    }, 90_000);

    it('previews a draft alert: who would receive it and why, with warnings, sending nothing', async () => {
      const preview = await request<any>('POST', `${routingUrl}/v1/routing/preview`, {
        key: sender.key,
        body: { commune: '69123', eventCode: 'intrusion', severity: 'Moderate', tlp: 'CLEAR', personalData: true },
      });
      expect(preview.status).toBe(200);
      expect(preview.body.department).toBe('69');
      const recipients = preview.body.recipients as { organisationId: string; name: string; rules: string[] }[];
      expect(recipients.find((r) => r.organisationId === rhone.id)).toMatchObject({
        name: 'Préfecture du Rhône',
        rules: ['competent-prefecture'],
      });
      expect(ids(recipients as any)).toEqual(expect.arrayContaining([member.id, jeweller.id]));
      expect(preview.body.warnings).toContain('TLP:CLEAR alert flagged as holding personal data');

      const invalid = await request<any>('POST', `${routingUrl}/v1/routing/preview`, {
        key: sender.key,
        body: { commune: '99999', eventCode: 'intrusion', severity: 'Moderate' },
      });
      expect(invalid.status).toBe(400);
    }, 60_000);
  });

  /** Outside the registry, administrators hold an admin key of the national level. */
  async function nationalAdminKey(): Promise<string> {
    const listed = await request<{ id: string }[]>(
      'GET',
      `${world.registry.registryUrl}/v1/organizations?kind=NATIONAL_LEVEL`,
      { key: world.adminKey },
    );
    expect(listed.status).toBe(200);
    const key = await issueKey(world.registry, listed.body[0].id, ['admin']);
    await waitUntilAccepted(routingUrl, key);
    return key;
  }

  /** Waits until routing's consumer group has committed past an offset. */
  async function waitForConsumed(topic: string, partition: number, offset: number): Promise<void> {
    const admin = new Kafka({ clientId: 'vigie-e2e-routing-admin', brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      await waitFor(
        async () => {
          const [committed] = await admin.fetchOffsets({ groupId: 'prefect-routing', topics: [topic] });
          const at = committed.partitions.find((p) => p.partition === partition);
          return Number(at?.offset ?? -1) > offset;
        },
        { what: `routing to consume ${topic}`, timeoutMs: 20000, intervalMs: 200 },
      );
    } finally {
      await admin.disconnect();
    }
  }
});
