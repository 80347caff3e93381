import { ApiKeyRole } from '@vigie/contracts';
import { UnauthenticatedError } from '@vigie/platform';
import type { VerifiedSecrets } from './api-key';
import { callerActingFor, type Caller, type CallerOrganisation } from './caller';

/** A stored key joined with its organisation, as every service reads it (snake_case rows). */
export interface StoredKeyRow extends CallerOrganisation {
  secret_hash: string;
  roles: ApiKeyRole[];
  expires_at: Date | string | null;
  revoked_at: Date | string | null;
  organisation_id: string;
}

/**
 * The one decision on a presented key: unknown or wrong secret, revoked or expired → 401;
 * organisation not ACTIVE → 403; else the caller.
 */
export async function authenticateKey(
  row: StoredKeyRow | undefined,
  presented: { keyId: string; secret: string },
  verified: VerifiedSecrets,
  now = new Date(),
): Promise<Caller> {
  if (!row || !(await verified.matches(presented.secret, row.secret_hash))) {
    throw new UnauthenticatedError('unknown API key');
  }
  if (row.revoked_at) throw new UnauthenticatedError('API key revoked');
  if (row.expires_at && new Date(row.expires_at) <= now) throw new UnauthenticatedError('API key expired');
  return callerActingFor(row, {
    organisationId: row.organisation_id,
    roles: row.roles,
    isAdmin: row.roles.includes(ApiKeyRole.Admin),
    keyId: presented.keyId,
  });
}
