import type { ConventionCoverage } from '../../clients/registry.client';
import { coverageCsv, coverageTable, sectorWords } from './coverage.model';

const coverage: ConventionCoverage = {
  departments: null,
  conventions: [
    {
      id: 'b',
      code: 'tobacco',
      name: 'Convention de partenariat État – buralistes',
      status: 'ANNOUNCED',
      members: 0,
      sites: 0,
      departments: [{ department: '69', members: 0, sites: 0 }],
    },
    {
      id: 'a',
      code: 'private-security-2019',
      name: 'Convention de partenariat État – sécurité privée',
      status: 'SIGNED',
      members: 3,
      sites: 5,
      departments: [
        { department: '975', members: 0, sites: 0 },
        { department: '974', members: 1, sites: 1 },
        { department: '2A', members: 1, sites: 0 },
        { department: '69', members: 2, sites: 4 },
        { department: '21', members: 0, sites: 0 },
      ],
    },
  ],
};

describe('convention coverage table', () => {
  const table = coverageTable(coverage);

  it('has a column per convention, by code, named by its sector', () => {
    expect(table.columns.map((column) => [column.code, column.label, column.announced, column.members])).toEqual([
      ['private-security-2019', 'sécurité privée', false, 3],
      ['tobacco', 'buralistes', true, 0],
    ]);
  });

  it('has a row per département in the order of the other national pages (overseas collectivities after the map’s départements), named', () => {
    expect(table.rows.map((row) => row.label)).toEqual([
      "Côte-d'Or (21)",
      'Corse-du-Sud (2A)',
      'Rhône (69)',
      'La Réunion (974)',
      'Saint-Pierre-et-Miquelon (975)',
    ]);
  });

  it('leaves a cell empty where the convention is not deployed, zeros where it is and nobody is a member', () => {
    const rhone = table.rows.find((row) => row.department === '69')!;
    expect(rhone.cells).toEqual([
      { members: 2, sites: 4 },
      { members: 0, sites: 0 },
    ]);
    const reunion = table.rows.find((row) => row.department === '974')!;
    expect(reunion.cells).toEqual([{ members: 1, sites: 1 }, null]);
  });

  it('exports one line per convention and département where it is deployed', () => {
    const lines = coverageCsv(table).replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toBe('Code;Convention;Département;Nom du département;Adhérents actifs;Sites');
    expect(lines).toHaveLength(1 + 6);
    expect(lines).toContain('private-security-2019;Convention de partenariat État – sécurité privée;69;Rhône;2;4');
    expect(lines).toContain('tobacco;Convention de partenariat État – buralistes;69;Rhône;0;0');
  });

  it('takes the words after the dash as the sector', () => {
    expect(sectorWords('Convention de partenariat État – bijoutiers-horlogers')).toBe('bijoutiers-horlogers');
    expect(sectorWords('Sans tiret')).toBe('Sans tiret');
  });
});
