import type { VNode } from 'preact';
import type { DirectoryEntry } from '../../clients/registry.client';
import { Table } from '../../components/form';
import { Layout, type PageFrame } from '../../components/layout';

const ROLE: Record<string, string> = {
  PRIMARY: 'Titulaire',
  DEPUTY: 'Suppléant',
  CRISIS_COORDINATOR: 'Coordinateur de crise',
};

export function ReferentsPage(
  props: PageFrame & {
    entries: DirectoryEntry[];
    departments: string[];
  },
): VNode {
  const byOrganisation = new Map<string, DirectoryEntry[]>();
  for (const entry of props.entries)
    byOrganisation.set(entry.organisation.name, [...(byOrganisation.get(entry.organisation.name) ?? []), entry]);
  return (
    <Layout title="Référents" viewer={props.viewer} csrfToken={props.csrfToken} section="referents">
      <h1>Annuaire des référents — département {props.departments.join(', ')}</h1>
      <p class="vigie-no-print">
        <button type="button" class="fr-btn fr-btn--secondary fr-icon-printer-line fr-btn--icon-left" data-print="true">
          Imprimer l’annuaire
        </button>
      </p>
      <Table
        caption="Référents de la préfecture et des partenaires"
        headers={['Organisation', 'Rôle', 'Nom', 'Téléphone', 'Courriel']}
      >
        <tbody>
          {[...byOrganisation.entries()]
            .sort(([a], [b]) => a.localeCompare(b, 'fr'))
            .flatMap(([organisation, entries]) =>
              entries.map((entry) => (
                <tr>
                  <td>{organisation}</td>
                  <td>{ROLE[entry.role] ?? entry.role}</td>
                  <td>{entry.fullName}</td>
                  <td>
                    <a href={`tel:${entry.phone.replace(/\s/g, '')}`}>{entry.phone}</a>
                  </td>
                  <td>
                    <a href={`mailto:${entry.email}`}>{entry.email}</a>
                  </td>
                </tr>
              )),
            )}
        </tbody>
      </Table>
    </Layout>
  );
}
