import { request } from './http-client';
import { waitFor } from './wait-for';

export interface Partner {
  id: string;
  name: string;
  key: string;
}

export interface RegistryAccess {
  registryUrl: string;
  adminKey: string;
}

function expectStatus(what: string, result: { status: number; body: unknown }, expected: number): void {
  if (result.status !== expected) {
    throw new Error(`${what}: expected HTTP ${expected}, got ${result.status} ${JSON.stringify(result.body)}`);
  }
}

/** Registers an organisation, activates it and issues it a key, as an administrator would. */
export async function registerActivePartner(
  access: RegistryAccess,
  organisation: { kind: string; name: string; departments: string[] },
): Promise<Partner> {
  const created = await request<{ id: string }>('POST', `${access.registryUrl}/v1/organizations`, {
    key: access.adminKey,
    body: organisation,
  });
  expectStatus('create organisation', created, 201);
  const { id } = created.body;
  const activated = await request('POST', `${access.registryUrl}/v1/organizations/${id}/activate`, {
    key: access.adminKey,
    body: { reason: 'convention member' },
  });
  expectStatus('activate organisation', activated, 200);
  return { id, name: organisation.name, key: await issueKey(access, id) };
}

export async function issueKey(access: RegistryAccess, organisationId: string): Promise<string> {
  const issued = await request<{ key: string }>(
    'POST',
    `${access.registryUrl}/v1/organizations/${organisationId}/api-keys`,
    {
      key: access.adminKey,
      body: {},
    },
  );
  expectStatus('issue API key', issued, 201);
  return issued.body.key;
}

/** The seeded prefecture of a département. */
export async function prefectureOf(access: RegistryAccess, department: string): Promise<{ id: string; name: string }> {
  const result = await request<{ prefecture: { id: string; name: string } }>(
    'GET',
    `${access.registryUrl}/v1/departments/${department}`,
    { key: access.adminKey },
  );
  expectStatus(`département ${department}`, result, 200);
  return result.body.prefecture;
}

/** Waits until a service has learnt of a key from partner.changed.v1 and accepts it. */
export function waitUntilAccepted(serviceUrl: string, key: string, timeoutMs = 15000): Promise<true> {
  return waitFor(async () => (await request('GET', `${serviceUrl}/v1/me`, { key })).status === 200 || undefined, {
    what: `${serviceUrl} to accept the key`,
    timeoutMs,
  });
}
