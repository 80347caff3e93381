import type { EntityManager } from 'typeorm';
import type { OrganisationKind } from '@vigie/contracts';

/** A member of a convention, with what decides who may see it. */
export interface ConventionMemberRow {
  organisationId: string;
  name: string;
  kind: OrganisationKind;
  departments: string[];
  joinedAt: Date;
}

/** `convention_members` joined to their organisations: every member of the convention, by name. */
export async function conventionMembers(manager: EntityManager, conventionId: string): Promise<ConventionMemberRow[]> {
  const rows = await manager.query<
    { organisation_id: string; name: string; kind: OrganisationKind; departments: string[]; joined_at: Date }[]
  >(
    `SELECT m.organisation_id, o.name, o.kind, o.departments, m.joined_at
     FROM convention_members m JOIN organisations o ON o.id = m.organisation_id
     WHERE m.convention_id = $1 ORDER BY o.name, o.id`,
    [conventionId],
  );
  return rows.map((row) => ({
    organisationId: row.organisation_id,
    name: row.name,
    kind: row.kind,
    departments: row.departments,
    joinedAt: row.joined_at,
  }));
}
