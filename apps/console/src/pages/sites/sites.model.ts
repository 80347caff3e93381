import type { DirectoryEntry, Organisation, Site } from '../../clients/registry.client';
import { csvDocument } from '../csv';

export interface SiteRow {
  name: string;
  operator: string;
  commune: string;
  securityPlan: string;
  securityPlanDetail: string;
  coordinator: string | null;
  coordinatorPhone: string | null;
  missing: string[];
}

/** Sites with their operator and crisis coordinator (a referent of the directory), by name. */
export function siteRows(sites: Site[], operators: Organisation[], directory: DirectoryEntry[]): SiteRow[] {
  const operatorName = new Map(operators.map((operator) => [operator.id, operator.name]));
  const referent = new Map(directory.map((entry) => [entry.id, entry]));
  return sites
    .map((site) => {
      const coordinator = site.crisisCoordinatorId ? referent.get(site.crisisCoordinatorId) : undefined;
      return {
        name: site.name,
        operator: operatorName.get(site.organisationId) ?? '',
        commune: `${site.communeName ?? site.commune} (${site.department})`,
        securityPlan: site.securityPlan.status,
        securityPlanDetail: [
          site.securityPlan.version ? `v${site.securityPlan.version}` : '',
          site.securityPlan.date ?? '',
        ]
          .filter(Boolean)
          .join(' — '),
        coordinator: coordinator?.fullName ?? null,
        coordinatorPhone: coordinator?.phone ?? null,
        missing: site.missing,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

/** The CSV a spreadsheet opens directly (phone numbers kept as they are). */
export function sitesCsv(rows: SiteRow[], planLabel: (status: string) => string): string {
  const header = [
    'Site',
    'Exploitant',
    'Commune',
    'Plan de sécurité',
    'Version et date du plan',
    'Coordinateur de crise',
    'Téléphone du coordinateur',
  ];
  const cells = rows.map((row) => [
    row.name,
    row.operator,
    row.commune,
    planLabel(row.securityPlan),
    row.securityPlanDetail,
    row.coordinator ?? '',
    row.coordinatorPhone ?? '',
  ]);
  return csvDocument(header, cells, { keepNumbers: true });
}
