import type { EntityManager } from 'typeorm';
import type { AlertEventCode, AlertSeverity, PartnerChangedV1Payload, ReferentRole, Sector } from '@vigie/contracts';

/**
 * An organisation's state as partner.changed.v1 carries it, read from the tables that hold its
 * parts: `organisations` (its revision), `convention_members`, `subscriptions` and `referents`.
 */

interface MembershipRow {
  convention_id: string;
  sector: Sector;
  departments: string[];
}

interface SubscriptionRow {
  id: string;
  departments: string[];
  event_codes: AlertEventCode[];
  minimum_severity: AlertSeverity;
  sectors: Sector[];
  include_exercises: boolean;
}

interface ReferentRow {
  id: string;
  department: string;
  role: ReferentRole;
  full_name: string;
  email: string;
}

/** One more revision of the organisation: every change to any of its parts goes through here. */
export async function bumpRevision(manager: EntityManager, organisationId: string): Promise<void> {
  await manager.query('UPDATE organisations SET revision = revision + 1, updated_at = now() WHERE id = $1', [
    organisationId,
  ]);
}

/** The conventions the organisation is a member of, by code. */
export async function memberships(
  manager: EntityManager,
  organisationId: string,
): Promise<PartnerChangedV1Payload['conventions']> {
  const rows = await manager.query<MembershipRow[]>(
    `SELECT c.id AS convention_id, c.sector, c.departments
     FROM convention_members m JOIN conventions c ON c.id = m.convention_id
     WHERE m.organisation_id = $1 ORDER BY c.code`,
    [organisationId],
  );
  return rows.map((row) => ({ conventionId: row.convention_id, sector: row.sector, departments: row.departments }));
}

/** The organisation's subscriptions, oldest first. */
export async function subscriptionsOf(
  manager: EntityManager,
  organisationId: string,
): Promise<PartnerChangedV1Payload['subscriptions']> {
  const rows = await manager.query<SubscriptionRow[]>(
    `SELECT id, departments, event_codes, minimum_severity, sectors, include_exercises
     FROM subscriptions WHERE organisation_id = $1 ORDER BY created_at`,
    [organisationId],
  );
  return rows.map((row) => ({
    id: row.id,
    departments: row.departments,
    eventCodes: row.event_codes,
    minimumSeverity: row.minimum_severity,
    sectors: row.sectors,
    includeExercises: row.include_exercises,
  }));
}

/** The organisation's referents with their addresses, by département and role. */
export async function referentContacts(
  manager: EntityManager,
  organisationId: string,
): Promise<PartnerChangedV1Payload['referents']> {
  const rows = await manager.query<ReferentRow[]>(
    `SELECT id, department, role, full_name, email FROM referents WHERE organisation_id = $1 ORDER BY department, role, id`,
    [organisationId],
  );
  return rows.map((row) => ({
    id: row.id,
    department: row.department,
    role: row.role,
    fullName: row.full_name,
    email: row.email,
  }));
}
