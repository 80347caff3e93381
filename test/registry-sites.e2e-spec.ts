import { randomUUID } from 'node:crypto';
import { Topics } from '@vigie/contracts';
import {
  messagesWithKey,
  prefectureWithKey,
  registerActivePartner,
  request,
  waitFor,
  type Partner,
} from '@vigie/testing';

import { e2eEnv } from './e2e.env';
import { useTestStack } from './test-stack';

const brokers = [e2eEnv.kafkaBrokers];

const approvedPlan = { status: 'APPROVED', version: '3.1', date: '2019-06-14' };

describe('registry: sites, their compliance, and subscriptions', () => {
  const world = useTestStack('registry-sites', 20);
  let mall: Partner;
  let otherFirm: Partner;
  let rhoneOperator: string;
  let ainOperator: string;
  let coordinatorId: string;
  let otherCoordinatorId: string;
  let approvedSiteId: string;
  let planlessSiteId: string;

  const call = <T = any>(method: string, path: string, key: string, body?: unknown) =>
    request<T>(method, `${world.registry.registryUrl}${path}`, { key, body });

  const fieldsOf = (result: { body: any }): string[] =>
    ((result.body.details ?? []) as { field: string }[]).map((detail) => detail.field);

  /** A referent of the organisation for 69, named by its own operator. */
  async function createReferent(partner: Partner, fullName: string): Promise<string> {
    const created = await call('POST', `/v1/organizations/${partner.id}/referents`, partner.key, {
      department: '69',
      role: 'PRIMARY',
      fullName,
      email: 'referent@example.fr',
      phone: '+33 4 78 00 00 00',
    });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  /** The newest partner.changed.v1 payload of an organisation. */
  async function latestSnapshot(organisationId: string): Promise<any> {
    const messages = await messagesWithKey(brokers, Topics.PartnerChangedV1, organisationId);
    const payloads = messages.map((message) => JSON.parse(message.value!.toString()).payload);
    return payloads.sort((a, b) => a.revision - b.revision).at(-1);
  }

  beforeAll(async () => {
    const tag = randomUUID().slice(0, 8);
    mall = await registerActivePartner(world.registry, {
      kind: 'SHOPPING_SITE_OPERATOR',
      name: `Centres commerciaux du Rhône ${tag}`,
      departments: ['69'],
    });
    otherFirm = await registerActivePartner(world.registry, {
      kind: 'SECURITY_FIRM',
      name: `Gardiennage Lyonnais ${tag}`,
      departments: ['69'],
    });
    rhoneOperator = (await prefectureWithKey(world.registry, '69', ['operator'])).key;
    ainOperator = (await prefectureWithKey(world.registry, '01', ['operator'])).key;
    coordinatorId = await createReferent(mall, 'Claire Morel');
    otherCoordinatorId = await createReferent(otherFirm, 'Karim Benali');
  }, 120_000);

  it('registers a site in Lyon with an approved plan and one without a plan', async () => {
    const approved = await call('POST', `/v1/organizations/${mall.id}/sites`, mall.key, {
      name: 'Centre commercial de la Part-Dieu',
      kind: 'SHOPPING_CENTRE',
      commune: '69123',
      securityPlan: approvedPlan,
      crisisCoordinatorId: coordinatorId,
    });
    expect(approved.status).toBe(201);
    expect(approved.body).toMatchObject({
      organisationId: mall.id,
      commune: '69123',
      communeName: 'Lyon',
      department: '69',
      securityPlan: approvedPlan,
      crisisCoordinatorId: coordinatorId,
      missing: [],
    });
    approvedSiteId = approved.body.id;

    const planless = await call('POST', `/v1/organizations/${mall.id}/sites`, mall.key, {
      name: 'Galerie marchande de Confluence',
      kind: 'SHOPPING_CENTRE',
      commune: '69123',
    });
    expect(planless.status).toBe(201);
    expect(planless.body).toMatchObject({
      securityPlan: { status: 'NONE', version: null, date: null },
      crisisCoordinatorId: null,
      missing: ['APPROVED_SECURITY_PLAN', 'CRISIS_COORDINATOR'],
    });
    planlessSiteId = planless.body.id;

    const listed = await call<any[]>('GET', `/v1/organizations/${mall.id}/sites`, mall.key);
    expect(listed.status).toBe(200);
    expect(listed.body.map((site) => site.id).sort()).toEqual([approvedSiteId, planlessSiteId].sort());
  }, 60_000);

  it('refuses an unknown commune, a commune outside its départements, an incomplete plan and a foreign coordinator', async () => {
    const site = { name: 'Boutique', kind: 'RETAIL_STORE' };
    const post = (body: unknown) => call('POST', `/v1/organizations/${mall.id}/sites`, mall.key, body);

    const unknown = await post({ ...site, commune: '69999' });
    expect(unknown.status).toBe(400);
    expect(fieldsOf(unknown)).toEqual(['commune']);

    const marseille = await post({ ...site, commune: '13055' });
    expect(marseille.status).toBe(400);
    expect(fieldsOf(marseille)).toEqual(['commune']);
    expect(JSON.stringify(marseille.body.details)).toContain('13');

    const incomplete = await post({ ...site, commune: '69123', securityPlan: { status: 'APPROVED' } });
    expect(incomplete.status).toBe(400);
    expect(fieldsOf(incomplete)).toEqual(['securityPlan.version', 'securityPlan.date']);

    const foreign = await post({ ...site, commune: '69123', crisisCoordinatorId: otherCoordinatorId });
    expect(foreign.status).toBe(400);
    expect(fieldsOf(foreign)).toEqual(['crisisCoordinatorId']);

    const listed = await call<any[]>('GET', `/v1/organizations/${mall.id}/sites`, mall.key);
    expect(listed.body).toHaveLength(2);
  }, 60_000);

  it('shows the Rhône prefecture the non-compliant sites of 69, and nobody else', async () => {
    const view = await call('GET', '/v1/departments/69/compliance', rhoneOperator);
    expect(view.status).toBe(200);
    expect(view.body.department).toEqual({ code: '69', name: 'Rhône' });
    const ours = (view.body.sites as any[]).filter((site) => site.organisation.id === mall.id);
    expect(ours).toEqual([
      expect.objectContaining({
        id: planlessSiteId,
        communeName: 'Lyon',
        securityPlanStatus: 'NONE',
        missing: ['APPROVED_SECURITY_PLAN', 'CRISIS_COORDINATOR'],
      }),
    ]);
    const { counts } = view.body;
    expect(counts.compliant).toBeGreaterThanOrEqual(1);
    expect(counts.nonCompliant).toBe(view.body.sites.length);
    expect(counts.sites).toBe(counts.compliant + counts.nonCompliant);

    expect((await call('GET', '/v1/departments/69/compliance', world.adminKey)).status).toBe(200);
    expect((await call('GET', '/v1/departments/69/compliance', mall.key)).status).toBe(404);
    expect((await call('GET', '/v1/departments/69/compliance', ainOperator)).status).toBe(404);
    expect((await call('GET', '/v1/departments/20/compliance', world.adminKey)).status).toBe(404);
  }, 60_000);

  it('hides a site from another organisation, and lets its owner update it', async () => {
    for (const [method, path] of [
      ['GET', `/v1/sites/${planlessSiteId}`],
      ['GET', `/v1/organizations/${mall.id}/sites`],
      ['PATCH', `/v1/sites/${planlessSiteId}`],
      ['DELETE', `/v1/sites/${planlessSiteId}`],
    ]) {
      const result = await call(method, path, otherFirm.key, method === 'PATCH' ? { name: 'Pris' } : undefined);
      expect({ method, path, status: result.status }).toEqual({ method, path, status: 404 });
      expect(JSON.stringify(result.body)).not.toContain('Confluence');
    }
    expect((await call('GET', `/v1/sites/${planlessSiteId}`, rhoneOperator)).status).toBe(200);

    const moved = await call('PATCH', `/v1/sites/${planlessSiteId}`, mall.key, { commune: '69381' });
    expect(moved.status).toBe(400);
    expect(fieldsOf(moved)).toEqual(['commune']);

    const updated = await call('PATCH', `/v1/sites/${planlessSiteId}`, mall.key, {
      securityPlan: { status: 'SUBMITTED', version: '1.0' },
      crisisCoordinatorId: coordinatorId,
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      commune: '69123',
      securityPlan: { status: 'SUBMITTED', version: '1.0', date: null },
      crisisCoordinatorId: coordinatorId,
      missing: ['APPROVED_SECURITY_PLAN'],
    });

    const throwaway = await call('POST', `/v1/organizations/${mall.id}/sites`, mall.key, {
      name: 'Entrepôt de Vénissieux',
      kind: 'WAREHOUSE',
      commune: '69259',
    });
    expect(throwaway.status).toBe(201);
    expect(throwaway.body.department).toBe('69');
    expect((await call('DELETE', `/v1/sites/${throwaway.body.id}`, mall.key)).status).toBe(204);
    expect((await call('GET', `/v1/sites/${throwaway.body.id}`, mall.key)).status).toBe(404);

    const audit = await call<any[]>('GET', `/v1/audit?organisationId=${mall.id}`, world.adminKey);
    expect(audit.status).toBe(200);
    expect(audit.body.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['site.created', 'site.updated', 'site.deleted']),
    );
  }, 60_000);

  it('publishes a new subscription in the organisation’s partner.changed.v1 snapshot', async () => {
    const created = await call('POST', `/v1/organizations/${mall.id}/subscriptions`, mall.key, {
      departments: ['69'],
      eventCodes: ['intrusion', 'armed-robbery'],
      minimumSeverity: 'Moderate',
    });
    expect(created.status).toBe(201);
    const subscription = {
      id: created.body.id,
      departments: ['69'],
      eventCodes: ['intrusion', 'armed-robbery'],
      minimumSeverity: 'Moderate',
      sectors: [],
      includeExercises: false,
    };
    expect(created.body).toMatchObject({ ...subscription, organisationId: mall.id });

    const listed = await call<any[]>('GET', `/v1/organizations/${mall.id}/subscriptions`, mall.key);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([expect.objectContaining(subscription)]);
    expect((await call('GET', `/v1/organizations/${mall.id}/subscriptions`, otherFirm.key)).status).toBe(404);

    const snapshot = await waitFor(
      async () => {
        const latest = await latestSnapshot(mall.id);
        return latest?.subscriptions.some((s: { id: string }) => s.id === subscription.id) ? latest : undefined;
      },
      { what: 'the subscription in partner.changed.v1', timeoutMs: 20000, intervalMs: 250 },
    );
    expect(snapshot.subscriptions).toEqual([subscription]);

    const outside = await call('POST', `/v1/organizations/${mall.id}/subscriptions`, mall.key, {
      departments: ['13'],
    });
    expect(outside.status).toBe(400);
    expect(fieldsOf(outside)).toEqual(['departments']);

    const removed = await call('DELETE', `/v1/organizations/${mall.id}/subscriptions/${subscription.id}`, mall.key);
    expect(removed.status).toBe(204);
    expect((await call<any[]>('GET', `/v1/organizations/${mall.id}/subscriptions`, mall.key)).body).toEqual([]);
    await waitFor(
      async () => {
        const latest = await latestSnapshot(mall.id);
        return latest && latest.revision > snapshot.revision && latest.subscriptions.length === 0;
      },
      { what: 'the removal in partner.changed.v1', timeoutMs: 20000, intervalMs: 250 },
    );
  }, 60_000);

  it('refuses mass assignment of ids and owners', async () => {
    const site = await call('POST', `/v1/organizations/${mall.id}/sites`, mall.key, {
      name: 'Hypermarché de Bron',
      kind: 'RETAIL_STORE',
      commune: '69029',
      organisationId: otherFirm.id,
    });
    expect(site.status).toBe(400);
    expect(fieldsOf(site)).toEqual(['organisationId']);

    const subscription = await call('POST', `/v1/organizations/${mall.id}/subscriptions`, mall.key, {
      id: randomUUID(),
      departments: ['69'],
    });
    expect(subscription.status).toBe(400);
    expect(fieldsOf(subscription)).toEqual(['id']);

    const listed = await call<any[]>('GET', `/v1/organizations/${mall.id}/sites`, mall.key);
    expect(listed.body.map((s) => s.name)).not.toContain('Hypermarché de Bron');
  }, 60_000);
});
