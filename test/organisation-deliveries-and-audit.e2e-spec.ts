import type { components } from '@vigie/client';
import { WebhookSink, request, waitFor, type Partner } from '@vigie/testing';
import { invite } from './console/accounts';
import { nationalLevel, registerWebhook, subscriber } from './notification-fixtures';
import { useTestStack } from './test-stack';

type DeliveryItem = components['schemas']['DeliveryView'];
type AuditItem = components['schemas']['AuditEntryView'];

const PASSWORD = 'surveillance-cantal-15';

// In the Cantal, so that other files' organisations play no part.
describe('an organisation’s failing and dead deliveries, and the audit trail’s filters', () => {
  const world = useTestStack('organisation-deliveries-and-audit', 860, {
    env: { DELIVERY_RETRY_BASE_MS: '5000', WEBHOOK_MAX_ATTEMPTS: '2', WEBHOOK_DISABLE_AFTER_FAILURES: '100' },
  });
  let partner: Partner;
  let outsider: Partner;
  let failing: WebhookSink;

  const inState = (key: string, query: string) =>
    request<DeliveryItem[]>('GET', `${world.stack.url('notification')}/v1/deliveries?${query}`, { key });
  const audit = (key: string, query = '') =>
    request<AuditItem[]>('GET', `${world.registry.registryUrl}/v1/audit${query ? `?${query}` : ''}`, { key });

  beforeAll(async () => {
    // Two attempts, seconds apart: a failing delivery is seen as such, then dead.
    partner = await subscriber(world.registry, world.stack, 'Cantal Surveillance', '15');
    outsider = await subscriber(world.registry, world.stack, 'Aurillac Gardiennage', '15');
    failing = await WebhookSink.start(() => 503);
  }, 180_000);

  afterAll(async () => {
    await failing?.close();
  }, 60_000);

  it('lists the caller’s failing deliveries, then its dead ones, and nobody else’s', async () => {
    const webhook = await registerWebhook(world.stack, partner.key, failing.url);
    const test = await request<{ id: string }>(
      'POST',
      `${world.stack.url('notification')}/v1/webhooks/${webhook.id}/test`,
      {
        key: partner.key,
      },
    );
    expect(test.status).toBe(202);

    const seenFailing = await waitFor(
      async () => (await inState(partner.key, 'state=failing')).body.find((delivery) => delivery.id === test.body.id),
      { what: 'the test delivery to be failing', timeoutMs: 20_000, intervalMs: 100 },
    );
    expect(seenFailing).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'HTTP 503',
      channel: 'webhook',
      webhookId: webhook.id,
      organisationId: partner.id,
      type: 'vigie.test',
    });

    const dead = await waitFor(
      async () => (await inState(partner.key, 'state=dead')).body.find((delivery) => delivery.id === test.body.id),
      { what: 'the test delivery to be dead', timeoutMs: 30_000 },
    );
    expect(dead).toMatchObject({ status: 'dead', attempts: 2, lastError: 'HTTP 503 (gave up after 2 attempts)' });
    expect((await inState(partner.key, 'state=failing')).body.map((delivery) => delivery.id)).not.toContain(
      test.body.id,
    );

    // Scoped to the caller: another organisation does not see it.
    const theirs = await inState(outsider.key, 'state=dead');
    expect(theirs.status).toBe(200);
    expect(theirs.body.every((delivery) => delivery.organisationId === outsider.id)).toBe(true);
    expect(theirs.body.map((delivery) => delivery.id)).not.toContain(test.body.id);
    expect((await inState(partner.key, 'state=dead&limit=1')).body).toHaveLength(1);
  }, 90_000);

  it.each([
    ['neither alertId nor state', ''],
    ['both alertId and state', 'state=dead&alertId=3f0c9b52-6d1e-4a7b-8c2f-5e9d0a1b2c3d'],
    ['an unknown state', 'state=late'],
    ['a limit out of range', 'state=dead&limit=0'],
    ['a limit with alertId', 'alertId=3f0c9b52-6d1e-4a7b-8c2f-5e9d0a1b2c3d&limit=5'],
  ])('refuses %s', async (_case, query) => {
    expect((await inState(partner.key, query)).status).toBe(400);
  });

  it('filters the audit trail by person, organisation, object and period, page by page, for the national level’s operators only', async () => {
    const startedAt = new Date(Date.now() - 1000).toISOString();
    // A person of the partner acts through an access token, as the console does.
    const email = 'ines.garcia@cantal-surveillance.fr';
    const token = await invite(world.registry, partner.id, {
      email,
      fullName: 'Inès Garcia',
      roles: ['ORGANISATION_ADMIN'],
    });
    expect(
      (
        await request('POST', `${world.registry.registryUrl}/v1/invitations/accept`, {
          body: { token, password: PASSWORD },
        })
      ).status,
    ).toBe(201);
    const session = await request<{ accessToken: string; person: { id: string } }>(
      'POST',
      `${world.registry.registryUrl}/v1/sessions`,
      { body: { email, password: PASSWORD } },
    );
    expect(session.status).toBe(201);
    const person = session.body.person.id;
    const created = await request<{ id: string }>(
      'POST',
      `${world.registry.registryUrl}/v1/organizations/${partner.id}/subscriptions`,
      { key: session.body.accessToken, body: { departments: ['15'], minimumSeverity: 'Severe' } },
    );
    expect(created.status).toBe(201);
    const removed = await request(
      'DELETE',
      `${world.registry.registryUrl}/v1/organizations/${partner.id}/subscriptions/${created.body.id}`,
      { key: session.body.accessToken },
    );
    expect(removed.status).toBe(204);

    const national = await nationalLevel(world.registry, ['operator']);
    const byPerson = await audit(national.key, `personId=${person}`);
    expect(byPerson.status).toBe(200);
    expect(byPerson.body.map((entry) => entry.action)).toEqual(['subscription.deleted', 'subscription.created']);
    expect(byPerson.body[0]).toMatchObject({
      personId: person,
      entity: 'subscription',
      entityId: created.body.id,
      organisationId: partner.id,
      organisationName: 'Cantal Surveillance',
    });
    expect(byPerson.body[0].actor).toBe(`organisation:${partner.id}/person:${person} (Inès Garcia)`);

    const byObject = await audit(national.key, `entity=subscription&entityId=${created.body.id}`);
    expect(byObject.body.map((entry) => entry.action)).toEqual(['subscription.deleted', 'subscription.created']);
    const invitations = await audit(national.key, `organisationId=${partner.id}&entity=invitation&from=${startedAt}`);
    expect(invitations.body.map((entry) => entry.action)).toEqual(['person.invited']);
    expect((await audit(national.key, `organisationId=${partner.id}&to=${startedAt}&entity=invitation`)).body).toEqual(
      [],
    );
    expect(
      (await audit(national.key, `personId=${person}&from=${new Date(Date.now() + 60_000).toISOString()}`)).body,
    ).toEqual([]);

    // Paging: the page after the newest entry is the one before it.
    const [newest] = (await audit(national.key, `personId=${person}&limit=1`)).body;
    const next = (await audit(national.key, `personId=${person}&limit=1&before=${newest.id}`)).body;
    expect([newest.action, next[0].action]).toEqual(['subscription.deleted', 'subscription.created']);

    // Who may read it: the administrator and the national level's operators; nobody else.
    expect((await audit(world.adminKey, `personId=${person}`)).body).toHaveLength(2);
    expect((await audit((await nationalLevel(world.registry, ['subscriber'])).key)).status).toBe(403);
    expect((await audit(partner.key, `organisationId=${partner.id}`)).status).toBe(403);
    expect((await audit(session.body.accessToken)).status).toBe(403);
    for (const query of ['personId=x', 'entity=DROP%20TABLE', 'from=yesterday', 'limit=501']) {
      expect((await audit(national.key, query)).status).toBe(400);
    }
  }, 90_000);
});
