import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { ApiKeyRole } from '@vigie/contracts';
import { UnauthenticatedError } from '@vigie/platform';
import { callerActingFor, type Caller, type CallerOrganisation } from './caller';

export const PERSON_TOKEN_ISSUER = 'vigie:partner-registry';
export const PERSON_TOKEN_AUDIENCE = 'vigie';
export const PERSON_TOKENS = Symbol('PERSON_TOKENS');

/** What an access token says of the person acting, once its signature is checked. */
export interface PersonClaims {
  personId: string;
  name: string;
  organisationId: string;
  roles: ApiKeyRole[];
  sessionId: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ROLES = new Set<string>(Object.values(ApiKeyRole));

export function looksLikeJwt(token: string): boolean {
  return JWT.test(token);
}

/** Checks a person access token's signature, issuer, audience and expiry against the registry's keys. */
export class PersonTokenVerifier {
  constructor(private readonly keys: JWTVerifyGetKey) {}

  /** Keys fetched from the registry's JWKS, cached, and fetched again for a key id not seen yet. */
  static remote(registryUrl: string): PersonTokenVerifier {
    const url = new URL('/.well-known/jwks.json', registryUrl);
    return new PersonTokenVerifier(createRemoteJWKSet(url, { cooldownDuration: 1000, cacheMaxAge: 10 * 60_000 }));
  }

  async verify(token: string): Promise<PersonClaims> {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: PERSON_TOKEN_ISSUER,
        audience: PERSON_TOKEN_AUDIENCE,
        algorithms: ['EdDSA'],
        requiredClaims: ['sub', 'exp', 'org', 'sid'],
      }));
    } catch {
      throw new UnauthenticatedError('invalid or expired access token');
    }
    const { sub, org, sid, name, roles, exp } = payload as Record<string, unknown>;
    const valid =
      typeof sub === 'string' &&
      UUID.test(sub) &&
      typeof org === 'string' &&
      UUID.test(org) &&
      typeof sid === 'string' &&
      UUID.test(sid) &&
      typeof name === 'string' &&
      typeof exp === 'number' &&
      Array.isArray(roles) &&
      roles.every((role) => typeof role === 'string' && ROLES.has(role) && role !== (ApiKeyRole.Admin as string));
    if (!valid) throw new UnauthenticatedError('invalid access token');
    return {
      personId: sub,
      name,
      organisationId: org,
      roles: roles as ApiKeyRole[],
      sessionId: sid,
      expiresAt: exp * 1000,
    };
  }
}

/** The person's organisation as the service knows it. */
export type PersonOrganisationRow = CallerOrganisation;

/** The one decision on a verified person token: unknown organisation → 401; not ACTIVE → 403; else the caller. */
export function callerForPerson(row: PersonOrganisationRow | undefined, claims: PersonClaims): Caller {
  if (!row) throw new UnauthenticatedError('unknown organisation');
  return callerActingFor(row, {
    organisationId: claims.organisationId,
    roles: claims.roles,
    isAdmin: false,
    keyId: claims.sessionId,
    person: { id: claims.personId, name: claims.name, expiresAt: claims.expiresAt },
  });
}
