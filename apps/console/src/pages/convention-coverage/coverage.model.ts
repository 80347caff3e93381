import { Geography } from '@vigie/geo';
import type { ConventionCoverage } from '../../clients/registry.client';
import { csvDocument } from '../csv';
import { frenchDepartments } from '../national/national.model';

/** A convention as a column of the coverage table. */
export interface CoverageColumn {
  code: string;
  /** The sector in a few words ("sécurité privée"), from the convention's name. */
  label: string;
  name: string;
  /** Announced, not yet signed: nobody may join it. */
  announced: boolean;
  members: number;
  sites: number;
}

/** One département's figures per convention; null where the convention is not deployed. */
export interface CoverageRow {
  department: string;
  label: string;
  cells: ({ members: number; sites: number } | null)[];
}

export interface CoverageTable {
  columns: CoverageColumn[];
  rows: CoverageRow[];
}

/** "Convention de partenariat État – sécurité privée" → "sécurité privée". */
export function sectorWords(name: string): string {
  const dash = name.lastIndexOf('–');
  return dash >= 0 ? name.slice(dash + 1).trim() : name;
}

/** A département's name; conventions may be deployed in overseas collectivities too, which the map leaves out. */
function departmentName(code: string): string | undefined {
  return Geography.official().department(code)?.name;
}

/** The départements in the order of the map's table (frenchDepartments), the others (overseas collectivities) after. */
function inListOrder(a: string, b: string): number {
  const rank = (code: string) => {
    const index = frenchDepartments().findIndex((department) => department.code === code);
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

/** The registry's coverage as a table: a row per département where some convention is deployed, a column per convention. */
export function coverageTable(coverage: ConventionCoverage): CoverageTable {
  const conventions = [...coverage.conventions].sort((a, b) => a.code.localeCompare(b.code));
  const byConvention = conventions.map(
    (convention) => new Map(convention.departments.map((entry) => [entry.department, entry])),
  );
  const codes = [...new Set(conventions.flatMap((convention) => convention.departments.map((d) => d.department)))];
  return {
    columns: conventions.map((convention) => ({
      code: convention.code,
      label: sectorWords(convention.name),
      name: convention.name,
      announced: convention.status === 'ANNOUNCED',
      members: convention.members,
      sites: convention.sites,
    })),
    rows: codes.sort(inListOrder).map((code) => ({
      department: code,
      label: `${departmentName(code) ?? code} (${code})`,
      cells: byConvention.map((entries) => {
        const entry = entries.get(code);
        return entry ? { members: entry.members, sites: entry.sites } : null;
      }),
    })),
  };
}

/** One line per convention and département where it is deployed, for a spreadsheet. */
export function coverageCsv(table: CoverageTable): string {
  const lines = table.rows.flatMap((row) =>
    table.columns.flatMap((column, index) => {
      const cell = row.cells[index];
      if (!cell) return [];
      return [
        [
          column.code,
          column.name,
          row.department,
          departmentName(row.department) ?? '',
          String(cell.members),
          String(cell.sites),
        ],
      ];
    }),
  );
  return csvDocument(['Code', 'Convention', 'Département', 'Nom du département', 'Adhérents actifs', 'Sites'], lines);
}
