import type { EntityManager } from 'typeorm';
import {
  OrganisationKind,
  OrganisationStatus,
  type PartnerChangedV1Payload,
  type ReferentRole,
} from '@vigie/contracts';

/**
 * Notification's reads of the partner directory: `directory_organisations` (kept by
 * @vigie/access) and `referents`, the copy of each organisation's referents its snapshot carries.
 */

export interface ReferentContact {
  id: string;
  organisationId: string;
  fullName: string;
  email: string;
}

/** An organisation as deciding who manages it needs it. */
export interface DirectoryOrganisation {
  id: string;
  kind: OrganisationKind;
  departments: string[];
}

/** Replaces an organisation's referents with those of its snapshot. */
export async function replaceReferents(
  manager: EntityManager,
  organisationId: string,
  referents: NonNullable<PartnerChangedV1Payload['referents']>,
): Promise<void> {
  await manager.query('DELETE FROM referents WHERE organisation_id = $1', [organisationId]);
  for (const referent of referents) {
    await manager.query(
      `INSERT INTO referents (id, organisation_id, department, role, full_name, email) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET organisation_id = EXCLUDED.organisation_id, department = EXCLUDED.department,
         role = EXCLUDED.role, full_name = EXCLUDED.full_name, email = EXCLUDED.email`,
      [referent.id, organisationId, referent.department, referent.role, referent.fullName, referent.email],
    );
  }
}

/** The organisations' referents of a role for a département, by organisation then name. */
export async function referentContacts(
  manager: EntityManager,
  organisationIds: string[],
  department: string,
  role: ReferentRole,
): Promise<ReferentContact[]> {
  if (organisationIds.length === 0) return [];
  const rows = await manager.query<{ id: string; organisation_id: string; full_name: string; email: string }[]>(
    `SELECT id, organisation_id, full_name, email FROM referents
     WHERE organisation_id = ANY($1::uuid[]) AND department = $2 AND role = $3 ORDER BY organisation_id, full_name, id`,
    [organisationIds, department, role],
  );
  return rows.map((row) => ({
    id: row.id,
    organisationId: row.organisation_id,
    fullName: row.full_name,
    email: row.email,
  }));
}

/** The active national-level organisations. */
export async function activeNationalLevel(manager: EntityManager): Promise<{ id: string; name: string }[]> {
  return await manager.query<{ id: string; name: string }[]>(
    'SELECT id, name FROM directory_organisations WHERE kind = $1 AND status = $2 ORDER BY id',
    [OrganisationKind.NationalLevel, OrganisationStatus.Active],
  );
}

/** These organisations, those the directory knows. */
export async function directoryOrganisations(manager: EntityManager, ids: string[]): Promise<DirectoryOrganisation[]> {
  return await manager.query<DirectoryOrganisation[]>(
    'SELECT id, kind, departments FROM directory_organisations WHERE id = ANY($1::uuid[])',
    [ids],
  );
}

/** Of these API keys, those still valid (not revoked, not expired) whose organisation is active. */
export async function liveKeys(manager: EntityManager, keyIds: string[]): Promise<Set<string>> {
  const rows = await manager.query<{ id: string }[]>(
    `SELECT k.id FROM directory_api_keys k JOIN directory_organisations o ON o.id = k.organisation_id
     WHERE k.id = ANY($1::uuid[]) AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())
       AND o.status = $2`,
    [keyIds, OrganisationStatus.Active],
  );
  return new Set(rows.map((row) => row.id));
}
