import { Kafka, logLevel, type Producer } from 'kafkajs';
import { Client } from 'pg';
import type { components } from '@vigie/client';
import { Topics } from '@vigie/contracts';
import { messagesWithKey, request, waitFor, type Partner } from '@vigie/testing';
import { personWithPassword } from './console/accounts';
import { e2eEnv } from './e2e.env';
import { intrusion, nationalLevel, postAlert, senderAndPrefecture } from './notification-fixtures';
import { useTestStack } from './test-stack';

type AuditItem = components['schemas']['AuditEntryView'];

const DUTY_OFFICER = {
  email: 'lucie.bernard@hautes-alpes.gouv.fr',
  fullName: 'Lucie Bernard',
  roles: ['DUTY_OFFICER'],
  password: 'permanence-gap-05',
};
const HEADLINE = 'Intrusion au dépôt de Gap, individus armés';

// In the Hautes-Alpes (05): who read an alert, and who read the trail, end up in the audit trail.
describe('the audit trail records who read what', () => {
  const world = useTestStack('audit-reads', 890);
  let firm: Partner;
  let prefecture: { id: string; name: string; key: string };
  let national: Partner;
  let producer: Producer;
  let database: Client;
  let alertId: string;

  const brokers = e2eEnv.kafkaBrokers.split(',');
  const audit = (key: string, query: string) =>
    request<AuditItem[]>('GET', `${world.registry.registryUrl}/v1/audit?${query}`, { key });
  const readsOf = async (alert: string): Promise<AuditItem[]> => {
    const answer = await audit(national.key, `kind=read&entity=alert&entityId=${alert}`);
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const ingestion = (path: string, key: string) =>
    request<unknown>('GET', `${world.stack.url('alert-ingestion')}${path}`, { key });
  /** The key id of a `vgk_<id>_<secret>` key. */
  const keyIdOf = (key: string) => key.split('_')[1];

  beforeAll(async () => {
    ({ firm, prefecture } = await senderAndPrefecture(world.registry, world.stack, 'Gap Surveillance', '05'));
    national = await nationalLevel(world.registry, ['operator']);
    await personWithPassword(world.registry, prefecture.id, DUTY_OFFICER);
    alertId = await postAlert(world.stack, firm.key, intrusion('05061', 'Severe', HEADLINE, 'AMBER'));
    // Routed to the prefecture: ingestion lets it read the alert.
    await waitFor(async () => (await ingestion(`/v1/alerts/${alertId}`, prefecture.key)).status === 200, {
      what: 'the alert to be routed to the prefecture',
      timeoutMs: 30_000,
    });
    producer = new Kafka({ clientId: 'vigie-test-redelivery', brokers, logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    database = new Client({ connectionString: e2eEnv.databaseUrl });
    await database.connect();
  }, 240_000);

  afterAll(async () => {
    await producer?.disconnect();
    await database?.end();
  }, 60_000);

  it('records a prefecture’s read of an alert by API key, with the alert but none of its content', async () => {
    const [entry] = await waitFor(
      async () => {
        const reads = await readsOf(alertId);
        return reads.length > 0 ? reads : undefined;
      },
      { what: 'the prefecture’s read in the audit trail', timeoutMs: 20_000 },
    );
    expect(entry).toMatchObject({
      kind: 'read',
      action: 'alert.read',
      entity: 'alert',
      entityId: alertId,
      actor: `organisation:${prefecture.id}/key:${keyIdOf(prefecture.key)}`,
      personId: null,
      organisationId: prefecture.id,
      after: { originalAlertId: alertId, senderOrganisationId: firm.id, tlp: 'AMBER', department: '05', messages: 1 },
    });
    expect(JSON.stringify(entry)).not.toContain('Gap, individus');
    // Sending the alert was not a read: nothing names the firm's key.
    expect((await readsOf(alertId)).filter((read) => read.actor.includes(keyIdOf(firm.key)))).toEqual([]);
  }, 60_000);

  it('names the person who read the alert and its chain through the console', async () => {
    const session = await request<{ accessToken: string; person: { id: string } }>(
      'POST',
      `${world.registry.registryUrl}/v1/sessions`,
      { body: { email: DUTY_OFFICER.email, password: DUTY_OFFICER.password } },
    );
    expect(session.status).toBe(201);
    const token = session.body.accessToken;
    await waitFor(async () => (await ingestion(`/v1/alerts/${alertId}`, token)).status === 200, {
      what: 'ingestion to accept the person’s token',
      timeoutMs: 15_000,
    });
    expect((await ingestion(`/v1/alerts/${alertId}/chain`, token)).status).toBe(200);

    const byPerson = await waitFor(
      async () => {
        const answer = await audit(national.key, `kind=read&personId=${session.body.person.id}`);
        return answer.body.length >= 2 ? answer.body : undefined;
      },
      { what: 'the person’s two reads', timeoutMs: 20_000 },
    );
    expect(byPerson.map((entry) => entry.action)).toEqual(['alert.chain-read', 'alert.read']);
    for (const entry of byPerson) {
      expect(entry).toMatchObject({
        entityId: alertId,
        organisationId: prefecture.id,
        actor: `organisation:${prefecture.id}/person:${session.body.person.id} (${DUTY_OFFICER.fullName})`,
      });
    }
  }, 60_000);

  it('writes a redelivered read once, even after the inbox has forgotten its event', async () => {
    const [published] = await messagesWithKey(brokers, Topics.AuditReadV1, alertId);
    const event = JSON.parse(published.value!.toString()) as { id: string };
    const entriesOfEvent = async () =>
      (
        await database.query<{ n: string }>('SELECT count(*) AS n FROM registry.audit_log WHERE event_id = $1', [
          event.id,
        ])
      ).rows[0].n;
    expect(await entriesOfEvent()).toBe('1');
    // The inbox's retention purges handled event ids; the trail's own unique event id remains.
    await database.query('DELETE FROM registry.handled_events WHERE event_id = $1', [event.id]);
    await producer.send({
      topic: Topics.AuditReadV1,
      messages: [{ key: published.key, value: published.value, headers: published.headers }],
    });
    // Then a new read on the same partition: once it is in the trail, the redelivery was handled before it.
    const before = (await readsOf(alertId)).length;
    expect((await ingestion(`/v1/alerts/${alertId}`, prefecture.key)).status).toBe(200);
    await waitFor(async () => (await readsOf(alertId)).length === before + 1, {
      what: 'the read after the redelivery',
      timeoutMs: 20_000,
    });
    expect(await entriesOfEvent()).toBe('1');
    const handled = await database.query('SELECT 1 FROM registry.handled_events WHERE event_id = $1', [event.id]);
    expect(handled.rowCount).toBe(1);
  }, 60_000);

  it('records nothing for a refused read, and refuses the trail to a partner', async () => {
    const before = (await readsOf(alertId)).length;
    const outsider = await senderAndPrefecture(world.registry, world.stack, 'Briançon Gardiennage', '05');
    // The firm of another organisation: the alert is not theirs (404), and the answer is not a read.
    expect((await ingestion(`/v1/alerts/${alertId}`, outsider.firm.key)).status).toBe(404);
    expect((await audit(firm.key, `entity=alert&entityId=${alertId}`)).status).toBe(403);
    expect((await audit(prefecture.key, 'kind=read')).status).toBe(403);
    // A read by the prefecture afterwards arrives: the refused one would have come first.
    expect((await ingestion(`/v1/alerts/${alertId}/chain`, prefecture.key)).status).toBe(200);
    const reads = await waitFor(
      async () => {
        const all = await readsOf(alertId);
        return all.length > before ? all : undefined;
      },
      { what: 'the prefecture’s chain read', timeoutMs: 20_000 },
    );
    expect(reads.length).toBe(before + 1);
    expect(reads.every((read) => read.organisationId === prefecture.id)).toBe(true);
  }, 60_000);

  it('records a TLP:RED alert seen in a list, and no other alert of the list', async () => {
    const red = await postAlert(world.stack, firm.key, {
      ...intrusion('05061', 'Extreme', 'Agression d’un convoyeur, identité du témoin jointe', 'RED'),
      addresses: [prefecture.id],
    });
    await waitFor(
      async () => {
        const listed = await request<{ alerts: { alertId: string }[] }>(
          'GET',
          `${world.stack.url('alert-ingestion')}/v1/alerts?department=05`,
          { key: prefecture.key },
        );
        return listed.body.alerts.some((alert) => alert.alertId === red);
      },
      { what: 'the RED alert in the prefecture’s list', timeoutMs: 30_000 },
    );
    expect(
      (await request('GET', `${world.stack.url('alert-ingestion')}/v1/sent-alerts`, { key: firm.key })).status,
    ).toBe(200);

    const listReads = await waitFor(
      async () => {
        const reads = (await readsOf(red)).filter((read) => read.action === 'alert.list-read');
        return reads.length >= 2 ? reads : undefined;
      },
      { what: 'the RED alert’s list reads', timeoutMs: 20_000 },
    );
    expect(listReads.map((read) => read.actor)).toEqual([
      `organisation:${firm.id}/key:${keyIdOf(firm.key)}`,
      `organisation:${prefecture.id}/key:${keyIdOf(prefecture.key)}`,
    ]);
    expect(listReads[1].after).toMatchObject({ tlp: 'RED', department: '05', messages: 1 });
    // The AMBER alert was in the same lists: no list read of it was published, nor written.
    const amberEvents = (await messagesWithKey(brokers, Topics.AuditReadV1, alertId)).map(
      (message) => (JSON.parse(message.value!.toString()) as { payload: { read: string } }).payload.read,
    );
    expect(amberEvents.length).toBeGreaterThan(0);
    expect(amberEvents).not.toContain('alert-list');
    expect((await readsOf(alertId)).map((read) => read.action)).not.toContain('alert.list-read');
  }, 90_000);

  it('records reads of the trail itself and of an organisation’s people and keys from outside it', async () => {
    expect((await audit(national.key, 'kind=change&entity=organisation')).status).toBe(200);
    const trailReads = await audit(national.key, 'kind=read&entity=audit&limit=5');
    expect(trailReads.body[0]).toMatchObject({
      action: 'audit.read',
      organisationId: national.id,
      actor: `organisation:${national.id}/key:${keyIdOf(national.key)}`,
      after: { filters: { kind: 'change', entity: 'organisation' } },
    });
    expect((await audit(national.key, 'kind=change&entity=audit')).body).toEqual([]);

    // The administrator (outside the firm) reads its people and keys; the firm reading its own is not recorded.
    for (const list of ['people', 'api-keys', 'invitations']) {
      const path = `${world.registry.registryUrl}/v1/organizations/${firm.id}/${list}`;
      expect((await request('GET', path, { key: world.adminKey })).status).toBe(200);
      expect((await request('GET', path, { key: firm.key })).status).toBe(200);
    }
    const firmReads = (await audit(national.key, `kind=read&entity=organisation&organisationId=${firm.id}`)).body;
    expect(firmReads.map((entry) => entry.action).sort()).toEqual([
      'organisation.api-keys-read',
      'organisation.invitations-read',
      'organisation.people-read',
    ]);
    expect(firmReads.every((entry) => entry.actor === 'admin' && entry.entityId === firm.id)).toBe(true);
    expect(firmReads.find((entry) => entry.action === 'organisation.api-keys-read')?.after).toEqual({
      count: expect.any(Number),
    });
  }, 60_000);
});
