import { OrganisationStatus, type OrganisationKind } from '@vigie/contracts';
import { ForbiddenError, UnauthenticatedError } from '@vigie/platform';
import { secretMatches } from './api-key';
import type { Caller } from './caller';

/** A stored key joined with its organisation, as every service reads it (snake_case rows). */
export interface StoredKeyRow {
  secret_hash: string;
  revoked_at: Date | string | null;
  organisation_id: string;
  kind: OrganisationKind;
  status: OrganisationStatus;
  departments: string[];
}

/**
 * The one decision on a presented key: unknown or wrong secret → 401, revoked → 401,
 * organisation not ACTIVE → 403, else the caller.
 */
export function authenticateKey(row: StoredKeyRow | undefined, keyId: string, secret: string): Caller {
  if (!row || !secretMatches(secret, row.secret_hash)) throw new UnauthenticatedError('unknown API key');
  if (row.revoked_at) throw new UnauthenticatedError('API key revoked');
  if (row.status !== OrganisationStatus.Active) {
    throw new ForbiddenError(`organisation is ${row.status.toLowerCase()}`);
  }
  return { organisationId: row.organisation_id, kind: row.kind, departments: row.departments, isAdmin: false, keyId };
}
