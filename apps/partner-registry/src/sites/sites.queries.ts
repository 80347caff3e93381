import type { EntityManager } from 'typeorm';
import { OrganisationStatus } from '@vigie/contracts';
import type { Site } from './site.entity';
import type { SecurityPlanStatus } from './site.vocabulary';

/** `sites` as the compliance view and the removal of a referent read them. */

/** A site of a département with its organisation: what the compliance view assesses. */
export interface AssessedSite {
  id: string;
  name: string;
  kind: Site['kind'];
  commune: string;
  securityPlanStatus: SecurityPlanStatus;
  crisisCoordinatorId: string | null;
  organisation: { id: string; name: string };
}

interface AssessedSiteRow {
  id: string;
  name: string;
  kind: Site['kind'];
  commune: string;
  security_plan_status: SecurityPlanStatus;
  crisis_coordinator_id: string | null;
  organisation_id: string;
  organisation_name: string;
}

/** The sites of a département, except those of revoked organisations; by organisation, then name. */
export async function sitesOfDepartment(manager: EntityManager, department: string): Promise<AssessedSite[]> {
  const rows = await manager.query<AssessedSiteRow[]>(
    `SELECT s.id, s.name, s.kind, s.commune, s.security_plan_status, s.crisis_coordinator_id,
            o.id AS organisation_id, o.name AS organisation_name
     FROM sites s JOIN organisations o ON o.id = s.organisation_id
     WHERE s.department = $1 AND o.status <> $2
     ORDER BY o.name, s.name, s.id`,
    [department, OrganisationStatus.Revoked],
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    kind: row.kind,
    commune: row.commune,
    securityPlanStatus: row.security_plan_status,
    crisisCoordinatorId: row.crisis_coordinator_id,
    organisation: { id: row.organisation_id, name: row.organisation_name },
  }));
}

/** How many sites name this referent as their crisis-management coordinator. */
export async function coordinatedSites(manager: EntityManager, referentId: string): Promise<number> {
  const [{ count }] = await manager.query<{ count: number }[]>(
    'SELECT count(*)::int AS count FROM sites WHERE crisis_coordinator_id = $1',
    [referentId],
  );
  return count;
}
