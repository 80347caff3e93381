import type { EntityManager } from 'typeorm';
import type { PersonOrganisationRow, PersonClaims } from '@vigie/access';
import type { OrganisationKind, OrganisationStatus, PersonRole } from '@vigie/contracts';

/**
 * `person_sessions` and the sign-in columns of `people`: the account a person signs in to, with
 * its organisation, and the sessions kept server-side.
 */

/** A person as sign-in sees it: credentials, lockout and the organisation it belongs to. */
export interface Account {
  id: string;
  email: string;
  fullName: string;
  roles: PersonRole[];
  status: string;
  passwordHash: string;
  failedLogins: number;
  lockedUntil: Date | null;
  organisationId: string;
  organisationName: string;
  kind: OrganisationKind;
  organisationStatus: OrganisationStatus;
  departments: string[];
}

/** A session found by its token, with its person's account. */
export interface AccountSession extends Account {
  sessionId: string;
  createdAt: Date;
  lastSeenAt: Date;
  revokedAt: Date | null;
}

interface AccountRow {
  id: string;
  email: string;
  full_name: string;
  roles: PersonRole[];
  status: string;
  password_hash: string;
  failed_logins: number;
  locked_until: Date | null;
  organisation_id: string;
  organisation_name: string;
  kind: OrganisationKind;
  organisation_status: OrganisationStatus;
  departments: string[];
}

interface SessionRow extends AccountRow {
  session_id: string;
  created_at: Date;
  last_seen_at: Date;
  revoked_at: Date | null;
}

const ACCOUNT_COLUMNS = `p.id, p.email, p.full_name, p.roles, p.status, p.password_hash, p.failed_logins, p.locked_until,
  o.id AS organisation_id, o.name AS organisation_name, o.kind, o.status AS organisation_status, o.departments`;

const accountOf = (row: AccountRow): Account => ({
  id: row.id,
  email: row.email,
  fullName: row.full_name,
  roles: row.roles,
  status: row.status,
  passwordHash: row.password_hash,
  failedLogins: row.failed_logins,
  lockedUntil: row.locked_until,
  organisationId: row.organisation_id,
  organisationName: row.organisation_name,
  kind: row.kind,
  organisationStatus: row.organisation_status,
  departments: row.departments,
});

/** The account with this e-mail address, whatever its case. */
export async function accountByEmail(manager: EntityManager, email: string): Promise<Account | undefined> {
  const [row] = await manager.query<AccountRow[]>(
    `SELECT ${ACCOUNT_COLUMNS} FROM people p JOIN organisations o ON o.id = p.organisation_id WHERE lower(p.email) = lower($1)`,
    [email],
  );
  return row && accountOf(row);
}

/** The session whose token hashes to this, open or not. */
export async function sessionByTokenHash(
  manager: EntityManager,
  tokenHash: string,
): Promise<AccountSession | undefined> {
  const [row] = await manager.query<SessionRow[]>(
    `SELECT ${ACCOUNT_COLUMNS}, s.id AS session_id, s.created_at, s.last_seen_at, s.revoked_at
     FROM person_sessions s JOIN people p ON p.id = s.person_id JOIN organisations o ON o.id = p.organisation_id
     WHERE s.token_hash = $1`,
    [tokenHash],
  );
  return (
    row && {
      ...accountOf(row),
      sessionId: row.session_id,
      createdAt: row.created_at,
      lastSeenAt: row.last_seen_at,
      revokedAt: row.revoked_at,
    }
  );
}

/**
 * The organisation of a person token's claims, if its session is still open, its person active
 * and its organisation the one claimed.
 */
export async function openSessionOrganisation(
  manager: EntityManager,
  claims: Pick<PersonClaims, 'sessionId' | 'personId' | 'organisationId'>,
): Promise<PersonOrganisationRow | undefined> {
  const [row] = await manager.query<PersonOrganisationRow[]>(
    `SELECT o.kind, o.status, o.departments FROM person_sessions s
     JOIN people p ON p.id = s.person_id JOIN organisations o ON o.id = p.organisation_id
     WHERE s.id = $1 AND p.id = $2 AND o.id = $3 AND s.revoked_at IS NULL AND p.status = 'ACTIVE'`,
    [claims.sessionId, claims.personId, claims.organisationId],
  );
  return row;
}

export async function insertSession(
  manager: EntityManager,
  session: { id: string; personId: string; tokenHash: string; expiresAt: Date },
): Promise<void> {
  await manager.query(`INSERT INTO person_sessions (id, person_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)`, [
    session.id,
    session.personId,
    session.tokenHash,
    session.expiresAt,
  ]);
}

export async function touchSession(manager: EntityManager, sessionId: string): Promise<void> {
  await manager.query('UPDATE person_sessions SET last_seen_at = now() WHERE id = $1', [sessionId]);
}

export async function revokeSessionByTokenHash(manager: EntityManager, tokenHash: string): Promise<void> {
  await manager.query('UPDATE person_sessions SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL', [
    tokenHash,
  ]);
}

/** Ends every open session of a person (signed out everywhere). */
export async function revokeSessionsOf(manager: EntityManager, personId: string): Promise<void> {
  await manager.query('UPDATE person_sessions SET revoked_at = now() WHERE person_id = $1 AND revoked_at IS NULL', [
    personId,
  ]);
}

/** A successful sign-in: the failure count and lock are cleared. */
export async function recordSignIn(manager: EntityManager, personId: string): Promise<void> {
  await manager.query('UPDATE people SET failed_logins = 0, locked_until = NULL, last_login_at = now() WHERE id = $1', [
    personId,
  ]);
}

export async function recordFailedSignIn(
  manager: EntityManager,
  personId: string,
  failures: { failures: number; lockedUntil: Date | null },
): Promise<void> {
  await manager.query('UPDATE people SET failed_logins = $2, locked_until = $3 WHERE id = $1', [
    personId,
    failures.failures,
    failures.lockedUntil,
  ]);
}
