import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  Stack,
  issueKey,
  prefectureWithKey,
  randomSiret,
  request,
  waitFor,
  waitUntilAccepted,
  withIdentity,
  type Partner,
} from '@vigie/testing';
import { e2eEnv, newAdminKey, newSecretsKey } from './e2e.env';
import { privateSecurityFirm } from './notification-fixtures';
import { startTestStack } from './test-stack';

describe('registry trust model: who may act, and how fast every service learns it', () => {
  const adminKey = newAdminKey();
  const secretsKey = newSecretsKey();
  let stack: Stack;
  let registry: { registryUrl: string; adminKey: string };
  let rhoneOperator: string;
  let ainOperator: string;

  const registryCall = <T = any>(method: string, path: string, key: string, body?: unknown) =>
    request<T>(method, `${registry.registryUrl}${path}`, { key, body });
  const me = (url: string, key: string) => request<any>('GET', `${url}/v1/me`, { key });

  async function firmIn69(name: string): Promise<Partner> {
    return privateSecurityFirm(registry, `${name} ${randomUUID().slice(0, 8)}`, ['69']);
  }

  beforeAll(async () => {
    stack = await startTestStack('registry-trust', 30, { adminKey, webhookSecretsKey: secretsKey });
    registry = { registryUrl: stack.url('partner-registry'), adminKey };
    rhoneOperator = (await prefectureWithKey(registry, '69', ['operator'])).key;
    ainOperator = (await prefectureWithKey(registry, '01', ['operator'])).key;
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  }, 30_000);

  it('knows every département, its prefecture and the competent one (Préfecture de police for the inner ring)', async () => {
    const departments = await registryCall<any[]>('GET', '/v1/departments', rhoneOperator);
    expect(departments.status).toBe(200);
    expect(departments.body.map((d) => d.code)).toEqual(expect.arrayContaining(['01', '2A', '2B', '69', '971', '976']));
    const hautsDeSeine = await registryCall('GET', '/v1/departments/92', rhoneOperator);
    expect(hautsDeSeine.body).toMatchObject({
      code: '92',
      name: 'Hauts-de-Seine',
      prefecture: { name: 'Préfecture des Hauts-de-Seine' },
      competentPrefecture: { name: 'Préfecture de police' },
    });
    expect((await registryCall('GET', '/v1/departments/69', rhoneOperator)).body.competentPrefecture.name).toBe(
      'Préfecture du Rhône',
    );
    expect((await registryCall('GET', '/v1/departments/20', rhoneOperator)).status).toBe(404);
  }, 60_000);

  it('lets the prefecture of its département activate a firm, and no other prefecture', async () => {
    const created = await registryCall('POST', '/v1/organizations', rhoneOperator, {
      ...withIdentity({
        kind: 'SECURITY_FIRM',
        name: `Sûreté Lyonnaise ${randomUUID().slice(0, 8)}`,
        departments: ['69'],
      }),
    });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('PENDING');
    const id = created.body.id as string;

    const byAin = await registryCall('POST', `/v1/organizations/${id}/activate`, ainOperator, {});
    expect(byAin.status).toBe(404); // the Ain prefecture cannot even see it
    const ownKey = await issueKey(registry, id, ['operator']);
    const bySelf = await registryCall('POST', `/v1/organizations/${id}/activate`, ownKey, {});
    expect(bySelf.status).toBe(403);

    const byRhone = await registryCall('POST', `/v1/organizations/${id}/activate`, rhoneOperator, { reason: 'vetted' });
    expect(byRhone.status).toBe(200);
    expect(byRhone.body).toMatchObject({ status: 'ACTIVE', statusReason: 'vetted' });
    expect(byRhone.body.statusChangedBy).toMatch(/^organisation:[0-9a-f-]{36}\/key:[0-9a-f-]{36}$/);

    const elsewhere = await registryCall('POST', '/v1/organizations', rhoneOperator, {
      ...withIdentity({ kind: 'SECURITY_FIRM', name: 'Sécurité Burgienne', departments: ['01'] }),
    });
    expect(elsewhere.status).toBe(403);
  }, 60_000);

  it('refuses bad input and mass assignment with field errors', async () => {
    const base = withIdentity({
      kind: 'SECURITY_FIRM',
      name: `Vigilance ${randomUUID().slice(0, 8)}`,
      departments: ['69'],
    });
    const fields = async (body: unknown): Promise<string[]> => {
      const result = await registryCall('POST', '/v1/organizations', adminKey, body);
      expect(result.status).toBe(400);
      expect(result.body.error).toBe('bad_request');
      return (result.body.details as { field: string }[]).map((detail) => detail.field);
    };
    expect(await fields({ ...base, siret: '73282932000075' })).toEqual(['siret']);
    expect(await fields({ ...base, cnapsNumber: undefined })).toEqual(['cnapsNumber']);
    expect(await fields({ ...base, departments: ['20'] })).toEqual(['departments']);
    expect(await fields({ ...base, status: 'ACTIVE', roles: ['admin'] })).toEqual(
      expect.arrayContaining(['status', 'roles']),
    );
    expect(
      await fields({ ...base, kind: 'JEWELLER', sector: 'PRIVATE_SECURITY', siret: undefined, cnapsNumber: undefined }),
    ).toEqual(['sector']);

    const siret = randomSiret();
    expect((await registryCall('POST', '/v1/organizations', adminKey, { ...base, siret })).status).toBe(201);
    expect(await fields({ ...base, name: `${base.name} bis`, siret })).toEqual(['siret']);
    expect(await fields({ ...base, siret: randomSiret() })).toEqual(['name']);
  }, 60_000);

  it('makes every service refuse a suspended firm within seconds, and accept it again once reinstated', async () => {
    const firm = await firmIn69('Gardiennage Saône');
    await waitUntilAccepted(stack.url('alert-ingestion'), firm.key);
    await waitUntilAccepted(stack.url('notification'), firm.key);

    const suspended = await registryCall('POST', `/v1/organizations/${firm.id}/suspend`, rhoneOperator, {
      reason: 'CNAPS authorisation under review',
    });
    expect(suspended.status).toBe(200);
    const started = Date.now();
    for (const service of ['alert-ingestion', 'notification', 'prefect-routing'] as const) {
      const refused = await waitFor(
        async () => {
          const result = await me(stack.url(service), firm.key);
          return result.status === 403 ? result : undefined;
        },
        { what: `${service} to refuse the suspended firm`, timeoutMs: 5000 },
      );
      expect(refused.body).toMatchObject({ status: 403, error: 'forbidden', detail: 'organisation is suspended' });
    }
    console.log(`suspension effective in three services after ${Date.now() - started} ms`);

    expect((await registryCall('POST', `/v1/organizations/${firm.id}/activate`, rhoneOperator, {})).status).toBe(200);
    await waitUntilAccepted(stack.url('alert-ingestion'), firm.key, 5000);
  }, 60_000);

  it('revokes, expires and rotates keys everywhere', async () => {
    const firm = await firmIn69('Protection Rhodanienne');
    await waitUntilAccepted(stack.url('alert-ingestion'), firm.key);
    const [keyId] = /[0-9a-f-]{36}/.exec(firm.key)!;

    const rotated = await registryCall('POST', `/v1/api-keys/${keyId}/rotate`, firm.key, { graceSeconds: 0 });
    expect(rotated.status).toBe(201);
    expect(rotated.body).toMatchObject({ replacesKeyId: keyId, roles: ['publisher', 'subscriber', 'operator'] });
    const newKey = rotated.body.key as string;
    await waitUntilAccepted(stack.url('alert-ingestion'), newKey);
    const expired = await me(stack.url('alert-ingestion'), firm.key);
    expect(expired.body).toMatchObject({ status: 401, error: 'unauthenticated', detail: 'API key expired' });

    const newKeyId = rotated.body.id as string;
    expect((await registryCall('DELETE', `/v1/api-keys/${newKeyId}`, adminKey)).status).toBe(204);
    const revoked = await waitFor(
      async () => {
        const result = await me(stack.url('alert-ingestion'), newKey);
        return result.status === 401 ? result : undefined;
      },
      { what: 'ingestion to refuse the revoked key', timeoutMs: 5000 },
    );
    expect(revoked.body.detail).toBe('API key revoked');
    expect((await registryCall('GET', '/v1/me', newKey)).status).toBe(401);
  }, 60_000);

  it('never shows an organisation, or its keys, to another', async () => {
    const a = await firmIn69('Alpha Sécurité');
    const b = await firmIn69('Bêta Sécurité');
    expect((await registryCall('GET', `/v1/organizations/${a.id}`, b.key)).status).toBe(404);
    expect((await registryCall('GET', `/v1/organizations/${a.id}/api-keys`, b.key)).status).toBe(404);
    expect(
      (await registryCall('POST', `/v1/organizations/${a.id}/api-keys`, b.key, { roles: ['publisher'] })).status,
    ).toBe(404);
    const keys = await registryCall<any[]>('GET', `/v1/organizations/${a.id}/api-keys`, a.key);
    expect(keys.status).toBe(200);
    expect(JSON.stringify(keys.body)).not.toMatch(/vgk_|scrypt/);
    const [aKeyId] = /[0-9a-f-]{36}/.exec(a.key)!;
    expect((await registryCall('DELETE', `/v1/api-keys/${aKeyId}`, b.key)).status).toBe(404);
    const listed = await registryCall<any[]>('GET', '/v1/organizations?department=69', b.key);
    expect(listed.body.map((organisation) => organisation.id)).toEqual([b.id]);
    const prefectureView = await registryCall<any[]>('GET', '/v1/organizations?kind=SECURITY_FIRM', rhoneOperator);
    expect(prefectureView.body.map((organisation) => organisation.id)).toEqual(expect.arrayContaining([a.id, b.id]));
    const selfAdmin = await registryCall('POST', `/v1/organizations/${a.id}/api-keys`, a.key, { roles: ['admin'] });
    expect(selfAdmin.status).toBe(400);
    expect((await registryCall('GET', '/v1/audit', a.key)).status).toBe(403);
  }, 60_000);

  it('keeps an audit trail of who changed what, readable by administrators', async () => {
    const firm = await firmIn69('Gamma Gardiennage');
    await registryCall('POST', `/v1/organizations/${firm.id}/suspend`, rhoneOperator, { reason: 'audit test' });
    const trail = await registryCall<any[]>('GET', `/v1/audit?organisationId=${firm.id}`, adminKey);
    expect(trail.status).toBe(200);
    const actions = trail.body.map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'organisation.created',
        'organisation.active',
        'api-key.issued',
        'organisation.suspended',
      ]),
    );
    const suspension = trail.body.find((entry) => entry.action === 'organisation.suspended');
    expect(suspension.before.status).toBe('ACTIVE');
    expect(suspension.after).toMatchObject({ status: 'SUSPENDED', statusReason: 'audit test' });
    expect(suspension.actor).toMatch(/^organisation:/);
  }, 60_000);

  it('lets a service started on an empty database rebuild its partner directory from partner.changed.v1 alone', async () => {
    const firm = await firmIn69('Delta Surveillance');
    const suspended = await firmIn69('Epsilon Surveillance');
    await registryCall('POST', `/v1/organizations/${suspended.id}/suspend`, adminKey, { reason: 'rebuild test' });

    const database = `vigie_test_rebuild`;
    const admin = new Client({ connectionString: e2eEnv.databaseUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database}`);
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    const fresh = await startTestStack(
      'registry-rebuild',
      40,
      { adminKey, webhookSecretsKey: secretsKey },
      {
        databaseUrl: e2eEnv.databaseUrl.replace(/\/[^/]+$/, `/${database}`),
        services: ['alert-ingestion'],
        // A group of its own: it reads partner.changed.v1 from the start, not from the main stack's offsets.
        env: { KAFKA_GROUP_ID: `alert-ingestion-rebuild-${randomUUID()}` },
      },
    );
    try {
      await waitUntilAccepted(fresh.url('alert-ingestion'), firm.key, 20000);
      const refused = await waitFor(
        async () => {
          const result = await me(fresh.url('alert-ingestion'), suspended.key);
          return result.status === 403 ? result : undefined;
        },
        { what: 'the rebuilt directory to know the suspension', timeoutMs: 20000 },
      );
      expect(refused.body.detail).toBe('organisation is suspended');
      const known = await me(fresh.url('alert-ingestion'), firm.key);
      expect(known.body).toMatchObject({ organisationId: firm.id, kind: 'SECURITY_FIRM', departments: ['69'] });
    } finally {
      await fresh.stop();
    }
  }, 90_000);
});
