import type { EntityManager } from 'typeorm';
import { OrganisationStatus } from '@vigie/contracts';
import type { ConventionStatus } from './convention.entity';

/** Active members and their sites in one département where a convention is deployed. */
export interface DepartmentCoverage {
  department: string;
  members: number;
  sites: number;
}

/** One convention's coverage over the départements asked for, with its totals. */
export interface ConventionCoverage {
  id: string;
  code: string;
  name: string;
  status: ConventionStatus;
  /** Distinct members over those départements: a member operating in two of them counts once. */
  members: number;
  sites: number;
  departments: DepartmentCoverage[];
}

interface Row {
  id: string;
  code: string;
  name: string;
  status: ConventionStatus;
  department: string | null;
  /** 1 on the convention's total row (GROUPING SETS), 0 on a département's. */
  total: number;
  members: string;
  sites: string;
}

/**
 * Per convention and per département where it is deployed: its ACTIVE members operating there
 * and their sites located there, with a total per convention, counted in PostgreSQL in one
 * statement (GROUPING SETS, distinct counts so that the totals are not sums of départements).
 * A département where no member operates still has its row, with zeros: gaps are what coverage
 * is about. `departments` null means every département.
 */
export async function conventionCoverage(
  manager: EntityManager,
  departments: string[] | null,
): Promise<ConventionCoverage[]> {
  const rows = await manager.query<Row[]>(
    `WITH deployed AS (
       SELECT c.id, c.code, c.name, c.status, d.department
         FROM conventions c CROSS JOIN LATERAL unnest(c.departments) AS d(department)
        WHERE $1::text[] IS NULL OR d.department = ANY ($1::text[])
     ), present AS (
       SELECT m.convention_id, d.department, o.id AS organisation_id
         FROM convention_members m
         JOIN organisations o ON o.id = m.organisation_id AND o.status = $2
         CROSS JOIN LATERAL unnest(o.departments) AS d(department)
     ), located AS (
       SELECT m.convention_id, s.department, s.id AS site_id
         FROM convention_members m
         JOIN organisations o ON o.id = m.organisation_id AND o.status = $2
         JOIN sites s ON s.organisation_id = o.id
     ), counted AS (
       SELECT d.id, d.department, p.organisation_id, NULL::uuid AS site_id
         FROM deployed d LEFT JOIN present p ON p.convention_id = d.id AND p.department = d.department
       UNION ALL
       SELECT d.id, d.department, NULL, l.site_id
         FROM deployed d JOIN located l ON l.convention_id = d.id AND l.department = d.department
     )
     SELECT c.id, c.code, c.name, c.status, counted.department, GROUPING(counted.department)::int AS total,
            count(DISTINCT counted.organisation_id) AS members, count(counted.site_id) AS sites
       FROM conventions c LEFT JOIN counted ON counted.id = c.id
      GROUP BY GROUPING SETS ((c.id, c.code, c.name, c.status, counted.department), (c.id, c.code, c.name, c.status))
      ORDER BY c.code, counted.department`,
    [departments, OrganisationStatus.Active],
  );
  return coverageOf(rows);
}

/**
 * The rows as one entry per convention. A convention deployed in none of the départements asked
 * for has its total row (zeros) and a département row with no département, which is dropped.
 */
export function coverageOf(rows: Row[]): ConventionCoverage[] {
  const byId = new Map<string, ConventionCoverage>();
  for (const row of rows) {
    let entry = byId.get(row.id);
    if (!entry) {
      entry = { id: row.id, code: row.code, name: row.name, status: row.status, members: 0, sites: 0, departments: [] };
      byId.set(row.id, entry);
    }
    if (Number(row.total) === 1) {
      entry.members = Number(row.members);
      entry.sites = Number(row.sites);
    } else if (row.department !== null) {
      entry.departments.push({ department: row.department, members: Number(row.members), sites: Number(row.sites) });
    }
  }
  return [...byId.values()];
}
