import { randomUUID } from 'node:crypto';
import { conventionCoverage } from '../../apps/partner-registry/src/conventions/convention-coverage.queries';
import { REGISTRY_TABLES } from '../../apps/partner-registry/src/tables';
import { ownSchema } from './own-schema';
import { insertConvention, insertConventionMember, insertOrganisation } from './seed-rows';

/**
 * The convention coverage query against the real PostgreSQL, on a schema of this file's own
 * (the registry's migrations included): exact counts, which the e2e test can only compare.
 */

describe('convention coverage on the real PostgreSQL', () => {
  const db = ownSchema('convention_coverage', REGISTRY_TABLES);
  const security = randomUUID();
  const jewellery = randomUUID();
  const announced = randomUUID();

  async function organisation(status: string, departments: string[], conventions: string[]): Promise<string> {
    const id = randomUUID();
    await insertOrganisation(db.dataSource, {
      id,
      kind: 'SECURITY_FIRM',
      name: `Organisation ${id}`,
      status,
      departments,
    });
    for (const convention of conventions) await insertConventionMember(db.dataSource, convention, id);
    return id;
  }

  async function sites(organisationId: string, department: string, count: number): Promise<void> {
    for (let index = 0; index < count; index++) {
      await db.dataSource.query(
        `INSERT INTO sites (id, organisation_id, name, kind, commune, department, security_plan_status)
         VALUES ($1, $2, 'Entrepôt', 'WAREHOUSE', $3, $4, 'NONE')`,
        [randomUUID(), organisationId, `${department}001`, department],
      );
    }
  }

  beforeAll(async () => {
    for (const [id, code, status, departments] of [
      [security, 'private-security-2019', 'SIGNED', ['15', '48', '87']],
      [jewellery, 'jewellery-2018', 'SIGNED', ['48']],
      [announced, 'tobacco', 'ANNOUNCED', ['63']],
    ] as const) {
      await insertConvention(db.dataSource, { id, code, status, departments: [...departments] });
    }
    // In 48 and 15, member of both conventions: 2 sites in 48, 1 in 15, 1 in 19 (deployed nowhere).
    const both = await organisation('ACTIVE', ['48', '15'], [security, jewellery]);
    await sites(both, '48', 2);
    await sites(both, '15', 1);
    await sites(both, '19', 1);
    // In 48 only, member of the private-security convention, 1 site.
    const lozere = await organisation('ACTIVE', ['48'], [security]);
    await sites(lozere, '48', 1);
    // Suspended or pending members cover nothing; a non-member neither.
    await sites(await organisation('SUSPENDED', ['48'], [security]), '48', 3);
    await sites(await organisation('PENDING', ['48'], [security]), '48', 1);
    await sites(await organisation('ACTIVE', ['48'], []), '48', 5);
    // A member operating only where the convention is not deployed.
    await sites(await organisation('ACTIVE', ['19'], [security]), '19', 1);
  });

  it('counts active members and their sites per deployed département, zeros included, totals distinct', async () => {
    expect(await conventionCoverage(db.dataSource.manager, null)).toEqual([
      {
        id: jewellery,
        code: 'jewellery-2018',
        name: 'Convention jewellery-2018',
        status: 'SIGNED',
        members: 1,
        sites: 2,
        departments: [{ department: '48', members: 1, sites: 2 }],
      },
      {
        id: security,
        code: 'private-security-2019',
        name: 'Convention private-security-2019',
        status: 'SIGNED',
        members: 2,
        sites: 4,
        departments: [
          { department: '15', members: 1, sites: 1 },
          { department: '48', members: 2, sites: 3 },
          { department: '87', members: 0, sites: 0 },
        ],
      },
      {
        id: announced,
        code: 'tobacco',
        name: 'Convention tobacco',
        status: 'ANNOUNCED',
        members: 0,
        sites: 0,
        departments: [{ department: '63', members: 0, sites: 0 }],
      },
    ]);
  });

  it('counts only the départements asked for, and keeps every convention with its totals there', async () => {
    const in15 = await conventionCoverage(db.dataSource.manager, ['15']);
    expect(
      in15.map((convention) => [convention.code, convention.members, convention.sites, convention.departments]),
    ).toEqual([
      ['jewellery-2018', 0, 0, []],
      ['private-security-2019', 1, 1, [{ department: '15', members: 1, sites: 1 }]],
      ['tobacco', 0, 0, []],
    ]);
    const none = await conventionCoverage(db.dataSource.manager, []);
    expect(none.every((convention) => convention.members === 0 && convention.departments.length === 0)).toBe(true);
    expect(none).toHaveLength(3);
  });
});
