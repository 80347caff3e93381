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

/** A random SIRET with a valid Luhn checksum (never La Poste's SIREN). */
export function randomSiret(): string {
  const digits = Array.from({ length: 13 }, (_, index) =>
    index === 0 ? 1 + Math.floor(Math.random() * 8) : Math.floor(Math.random() * 10),
  );
  const sum = (check: number): number =>
    [...digits, check].reduce((total, digit, index) => {
      const weighted = index % 2 === 0 ? digit * 2 : digit;
      return total + (weighted > 9 ? weighted - 9 : weighted);
    }, 0);
  const check = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].find((candidate) => sum(candidate) % 10 === 0)!;
  return [...digits, check].join('');
}

export const ALL_PARTNER_ROLES = ['publisher', 'subscriber', 'operator'];

export interface NewOrganisation {
  kind: string;
  name: string;
  departments: string[];
  siret?: string;
  cnapsNumber?: string;
  sector?: string;
}

/** What a security firm must bring (a SIRET and a CNAPS authorisation), filled in when missing. */
export function withIdentity(organisation: NewOrganisation): NewOrganisation {
  if (organisation.kind !== 'SECURITY_FIRM') return organisation;
  return {
    siret: randomSiret(),
    cnapsNumber: `AUT-069-2118-05-23-${String(Math.floor(Math.random() * 1e11)).padStart(11, '0')}`,
    ...organisation,
  };
}

export interface PartnerOptions {
  roles?: string[];
  /** Codes of conventions to join before the key is issued (so a service knowing the key knows them). */
  conventions?: string[];
}

/** Registers an organisation, activates it, joins conventions and issues it a key, as an administrator would. */
export async function registerActivePartner(
  access: RegistryAccess,
  organisation: NewOrganisation,
  options: PartnerOptions = {},
): Promise<Partner> {
  const created = await request<{ id: string }>('POST', `${access.registryUrl}/v1/organizations`, {
    key: access.adminKey,
    body: withIdentity(organisation),
  });
  expectStatus('create organisation', created, 201);
  const { id } = created.body;
  const activated = await request('POST', `${access.registryUrl}/v1/organizations/${id}/activate`, {
    key: access.adminKey,
    body: { reason: 'convention member' },
  });
  expectStatus('activate organisation', activated, 200);
  for (const code of options.conventions ?? []) await joinConvention(access, code, id);
  return { id, name: organisation.name, key: await issueKey(access, id, options.roles) };
}

export async function issueKey(
  access: RegistryAccess,
  organisationId: string,
  roles: string[] = ALL_PARTNER_ROLES,
): Promise<string> {
  const issued = await request<{ key: string }>(
    'POST',
    `${access.registryUrl}/v1/organizations/${organisationId}/api-keys`,
    { key: access.adminKey, body: { roles } },
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

/** The seeded prefecture of a département, with a key of its own (all partner roles unless `roles` is given). */
export async function prefectureWithKey(
  access: RegistryAccess,
  department: string,
  roles?: string[],
): Promise<Partner> {
  const prefecture = await prefectureOf(access, department);
  return { ...prefecture, key: await issueKey(access, prefecture.id, roles) };
}

/** Waits until a service has learnt of a key from partner.changed.v1 and accepts it. */
export function waitUntilAccepted(serviceUrl: string, key: string, timeoutMs = 15000): Promise<true> {
  return waitFor(async () => (await request('GET', `${serviceUrl}/v1/me`, { key })).status === 200 || undefined, {
    what: `${serviceUrl} to accept the key`,
    timeoutMs,
  });
}

/** Makes an organisation a member of a convention (by its code), as an administrator would. */
export async function joinConvention(access: RegistryAccess, code: string, organisationId: string): Promise<void> {
  const conventions = await request<{ id: string; code: string }[]>('GET', `${access.registryUrl}/v1/conventions`, {
    key: access.adminKey,
  });
  expectStatus('list conventions', conventions, 200);
  const convention = conventions.body.find((candidate) => candidate.code === code);
  if (!convention) throw new Error(`no convention ${code}`);
  const joined = await request('POST', `${access.registryUrl}/v1/conventions/${convention.id}/members`, {
    key: access.adminKey,
    body: { organisationId },
  });
  expectStatus(`join ${code}`, joined, 201);
}
