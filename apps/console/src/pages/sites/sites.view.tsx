import type { VNode } from 'preact';
import { StateBadge } from '../../components/badges';
import { Table } from '../../components/form';
import { SECURITY_PLAN, label } from '../../components/labels';
import { Layout, type PageFrame } from '../../components/layout';
import type { SiteRow } from './sites.model';

export function SitesPage(props: PageFrame & { rows: SiteRow[]; departments: string[] }): VNode {
  return (
    <Layout title="Sites" viewer={props.viewer} csrfToken={props.csrfToken} section="sites">
      <h1>Sites du département {props.departments.join(', ')}</h1>
      <p>
        <a class="fr-link fr-icon-download-line fr-link--icon-left" href="/sites.csv" download="sites.csv">
          Télécharger la liste (CSV)
        </a>
      </p>
      <Table
        caption="Sites, état de leur plan de sécurité et coordinateur de crise"
        headers={['Site', 'Exploitant', 'Commune', 'Plan de sécurité', 'Coordinateur de crise']}
      >
        <tbody>
          {props.rows.map((row) => (
            <tr>
              <td>{row.name}</td>
              <td>{row.operator}</td>
              <td>{row.commune}</td>
              <td>
                <StateBadge tone={row.securityPlan === 'APPROVED' ? 'success' : 'warning'}>
                  {label(SECURITY_PLAN, row.securityPlan)}
                </StateBadge>
                {row.securityPlanDetail ? <p class="fr-text--xs fr-mb-0">{row.securityPlanDetail}</p> : null}
              </td>
              <td>
                {row.coordinator ? (
                  `${row.coordinator}${row.coordinatorPhone ? ` — ${row.coordinatorPhone}` : ''}`
                ) : (
                  <StateBadge tone="warning">Aucun</StateBadge>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
      {props.rows.length === 0 ? <p>Aucun site enregistré.</p> : null}
    </Layout>
  );
}
