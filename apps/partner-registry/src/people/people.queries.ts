import type { EntityManager } from 'typeorm';
import type { PersonRole } from '@vigie/contracts';

/** `people` and `invitations`: the persons of organisations and the links that invite them. */

export interface Person {
  id: string;
  organisationId: string;
  email: string;
  fullName: string;
  roles: PersonRole[];
  status: string;
  createdAt: Date;
  lastLoginAt: Date | null;
}

interface PersonRow {
  id: string;
  organisation_id: string;
  email: string;
  full_name: string;
  roles: PersonRole[];
  status: string;
  created_at: Date;
  last_login_at: Date | null;
}

const PERSON_COLUMNS = 'id, organisation_id, email, full_name, roles, status, created_at, last_login_at';

const personOf = (row: PersonRow): Person => ({
  id: row.id,
  organisationId: row.organisation_id,
  email: row.email,
  fullName: row.full_name,
  roles: row.roles,
  status: row.status,
  createdAt: row.created_at,
  lastLoginAt: row.last_login_at,
});

/** An invitation still waiting to be used, as its organisation lists it. */
export interface PendingInvitation {
  id: string;
  email: string;
  fullName: string;
  roles: PersonRole[];
  createdAt: Date;
  expiresAt: Date;
}

/** An invitation found by its link, used or not, with the name of the organisation it invites to. */
export interface Invitation extends PendingInvitation {
  organisationId: string;
  organisationName: string;
  acceptedAt: Date | null;
}

interface InvitationRow {
  id: string;
  organisation_id: string;
  organisation_name: string;
  email: string;
  full_name: string;
  roles: PersonRole[];
  created_at: Date;
  expires_at: Date;
  accepted_at: Date | null;
}

export interface NewInvitation {
  id: string;
  organisationId: string;
  email: string;
  fullName: string;
  roles: PersonRole[];
  tokenHash: string;
  createdBy: string;
  expiresAt: Date;
}

export interface NewPerson {
  id: string;
  organisationId: string;
  email: string;
  fullName: string;
  roles: PersonRole[];
  passwordHash: string;
}

/** Whether a person already has this e-mail address, whatever its case. */
export async function emailTaken(manager: EntityManager, email: string): Promise<boolean> {
  const rows = await manager.query<unknown[]>('SELECT 1 FROM people WHERE lower(email) = lower($1)', [email]);
  return rows.length > 0;
}

export async function insertInvitation(manager: EntityManager, invitation: NewInvitation): Promise<void> {
  await manager.query(
    `INSERT INTO invitations (id, organisation_id, email, full_name, roles, token_hash, created_by, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      invitation.id,
      invitation.organisationId,
      invitation.email,
      invitation.fullName,
      invitation.roles,
      invitation.tokenHash,
      invitation.createdBy,
      invitation.expiresAt,
    ],
  );
}

/** An organisation's invitations neither used nor expired, newest first. */
export async function pendingInvitations(manager: EntityManager, organisationId: string): Promise<PendingInvitation[]> {
  const rows = await manager.query<Omit<InvitationRow, 'organisation_id' | 'organisation_name' | 'accepted_at'>[]>(
    `SELECT id, email, full_name, roles, created_at, expires_at FROM invitations
     WHERE organisation_id = $1 AND accepted_at IS NULL AND expires_at > now() ORDER BY created_at DESC`,
    [organisationId],
  );
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    fullName: row.full_name,
    roles: row.roles,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  }));
}

/** The invitation whose link hashes to this, locked until the transaction ends when `lock`. */
export async function invitationByTokenHash(
  manager: EntityManager,
  tokenHash: string,
  lock: boolean,
): Promise<Invitation | undefined> {
  const [row] = await manager.query<InvitationRow[]>(
    `SELECT i.id, i.organisation_id, o.name AS organisation_name, i.email, i.full_name, i.roles, i.created_at,
            i.expires_at, i.accepted_at
     FROM invitations i JOIN organisations o ON o.id = i.organisation_id WHERE i.token_hash = $1
     ${lock ? 'FOR UPDATE OF i' : ''}`,
    [tokenHash],
  );
  return (
    row && {
      id: row.id,
      organisationId: row.organisation_id,
      organisationName: row.organisation_name,
      email: row.email,
      fullName: row.full_name,
      roles: row.roles,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      acceptedAt: row.accepted_at,
    }
  );
}

export async function markInvitationAccepted(manager: EntityManager, invitationId: string): Promise<void> {
  await manager.query('UPDATE invitations SET accepted_at = now() WHERE id = $1', [invitationId]);
}

export async function insertPerson(manager: EntityManager, person: NewPerson): Promise<void> {
  await manager.query(
    `INSERT INTO people (id, organisation_id, email, full_name, roles, password_hash) VALUES ($1, $2, $3, $4, $5, $6)`,
    [person.id, person.organisationId, person.email, person.fullName, person.roles, person.passwordHash],
  );
}

/** An organisation's people, by name. */
export async function peopleOf(manager: EntityManager, organisationId: string): Promise<Person[]> {
  const rows = await manager.query<PersonRow[]>(
    `SELECT ${PERSON_COLUMNS} FROM people WHERE organisation_id = $1 ORDER BY full_name`,
    [organisationId],
  );
  return rows.map(personOf);
}

/** A person, locked until the transaction ends. */
export async function personForUpdate(manager: EntityManager, personId: string): Promise<Person | undefined> {
  const [row] = await manager.query<PersonRow[]>(`SELECT ${PERSON_COLUMNS} FROM people WHERE id = $1 FOR UPDATE`, [
    personId,
  ]);
  return row && personOf(row);
}

/** Changes a person's roles and status (a missing one is kept); the person as it is now. */
export async function updatePerson(
  manager: EntityManager,
  personId: string,
  changes: { roles?: PersonRole[]; status?: string },
): Promise<Person> {
  const [[row]] = await manager.query<[PersonRow[], number]>(
    `UPDATE people SET roles = COALESCE($2, roles), status = COALESCE($3, status) WHERE id = $1
     RETURNING ${PERSON_COLUMNS}`,
    [personId, changes.roles ?? null, changes.status ?? null],
  );
  return personOf(row);
}
