import type { EntityManager } from 'typeorm';
import { OrganisationStatus, type OrganisationKind } from '@vigie/contracts';
import { Referent, ReferentRole } from './referent.entity';

/**
 * `referents`, and the département directory that reads them with their organisation and the
 * conventions (`conventions`, `convention_members`) that make them visible.
 */

/** An organisation's referents: by département, the primary first, then by name. */
export function referentsOf(manager: EntityManager, organisationId: string): Promise<Referent[]> {
  return manager
    .createQueryBuilder(Referent, 'r')
    .where('r.organisationId = :organisationId', { organisationId })
    .orderBy('r.department')
    .addOrderBy(`CASE r.role WHEN '${ReferentRole.Primary}' THEN 0 ELSE 1 END`)
    .addOrderBy('r.fullName')
    .getMany();
}

/** Whether another referent of the organisation than `referent` holds the role in the département. */
export function roleHeldByAnother(
  manager: EntityManager,
  referent: Pick<Referent, 'id' | 'organisationId'>,
  department: string,
  role: ReferentRole,
): Promise<boolean> {
  return manager
    .createQueryBuilder(Referent, 'r')
    .where('r.organisationId = :organisationId AND r.department = :department AND r.role = :role AND r.id <> :id', {
      organisationId: referent.organisationId,
      department,
      role,
      id: referent.id,
    })
    .getExists();
}

/**
 * The organisation of a referent, share-locked until the transaction ends (it cannot be removed
 * meanwhile); undefined for an unknown referent.
 */
export async function referentOrganisationForShare(
  manager: EntityManager,
  referentId: string,
): Promise<string | undefined> {
  const [row] = await manager.query<{ organisation_id: string }[]>(
    'SELECT organisation_id FROM referents WHERE id = $1 FOR SHARE',
    [referentId],
  );
  return row?.organisation_id;
}

/** The conventions deployed in a département. */
export async function conventionsDeployedIn(manager: EntityManager, department: string): Promise<string[]> {
  const rows = await manager.query<{ id: string }[]>('SELECT id FROM conventions WHERE $1 = ANY(departments)', [
    department,
  ]);
  return rows.map((row) => row.id);
}

/** The conventions an organisation is a member of. */
export async function conventionsJoinedBy(manager: EntityManager, organisationId: string): Promise<string[]> {
  const rows = await manager.query<{ convention_id: string }[]>(
    'SELECT convention_id FROM convention_members WHERE organisation_id = $1',
    [organisationId],
  );
  return rows.map((row) => row.convention_id);
}

export interface DirectoryEntry {
  id: string;
  organisation: { id: string; name: string; kind: OrganisationKind };
  /** Codes of the visible conventions the organisation is a member of. */
  conventions: string[];
  role: ReferentRole;
  fullName: string;
  email: string;
  phone: string;
}

interface DirectoryRow {
  id: string;
  organisation_id: string;
  organisation_name: string;
  organisation_kind: OrganisationKind;
  conventions: string[];
  role: ReferentRole;
  full_name: string;
  email: string;
  phone: string;
}

/**
 * A département's directory: the referents there of the competent prefecture, and those of the
 * active members of the `visible` conventions. The prefecture's first, then by organisation,
 * the primary first, then by name.
 */
export async function directoryEntries(
  manager: EntityManager,
  department: string,
  competentOrganisationId: string,
  visible: string[],
): Promise<DirectoryEntry[]> {
  const rows = await manager.query<DirectoryRow[]>(
    `SELECT r.id, r.organisation_id, o.name AS organisation_name, o.kind AS organisation_kind,
        coalesce(array_agg(c.code ORDER BY c.code) FILTER (WHERE c.code IS NOT NULL), '{}') AS conventions,
        r.role, r.full_name, r.email, r.phone
     FROM referents r
     JOIN organisations o ON o.id = r.organisation_id
     LEFT JOIN convention_members m ON m.organisation_id = r.organisation_id AND m.convention_id = ANY($3::uuid[])
     LEFT JOIN conventions c ON c.id = m.convention_id
     WHERE r.department = $1
       AND (r.organisation_id = $2 OR (m.convention_id IS NOT NULL AND o.status = $4))
     GROUP BY r.id, o.id
     ORDER BY r.organisation_id = $2 DESC, o.name, o.id, CASE r.role WHEN $5 THEN 0 ELSE 1 END, r.full_name`,
    [department, competentOrganisationId, visible, OrganisationStatus.Active, ReferentRole.Primary],
  );
  return rows.map((row) => ({
    id: row.id,
    organisation: { id: row.organisation_id, name: row.organisation_name, kind: row.organisation_kind },
    conventions: row.conventions,
    role: row.role,
    fullName: row.full_name,
    email: row.email,
    phone: row.phone,
  }));
}
