import type { VNode } from 'preact';
import { Table } from '../../components/form';
import { frenchDateTime } from '../../components/labels';
import { Layout, type PageFrame } from '../../components/layout';
import type { EscalationRow } from './escalations.model';

export function EscalationsPage(
  props: PageFrame & {
    scope: string;
    total: number;
    rows: EscalationRow[];
    /** The next page's address; null on the last page. */
    nextHref: string | null;
    /** Whether this is a later page (a link back to the first one is then offered). */
    later: boolean;
  },
): VNode {
  return (
    <Layout title="Escalades en cours" viewer={props.viewer} csrfToken={props.csrfToken} section="escalades">
      <h1>Escalades en cours</h1>
      <p>
        {`Alertes graves ou extrêmes que la préfecture compétente n’a pas encore acquittées, ${props.scope}, de la plus ancienne à la plus récente : ${props.total} ${props.total > 1 ? 'escalades en cours' : 'escalade en cours'}. Le contenu d’une alerte n’est montré qu’à ses destinataires.`}
      </p>
      {props.rows.length === 0 ? (
        <p>{props.later ? 'Aucune escalade de plus.' : 'Aucune escalade en cours.'}</p>
      ) : (
        <Table
          caption={`Escalades en cours ${props.scope}, les plus anciennes d’abord`}
          headers={[
            'Depuis',
            'Département',
            'Commune',
            'Événement',
            'Gravité',
            'TLP',
            'Alerte',
            'Étape',
            'Suite prévue',
          ]}
          id="escalades-tableau"
        >
          <tbody>
            {props.rows.map((row) => (
              <tr data-alert={row.alertId}>
                <td>
                  <time dateTime={row.armedAt} title={`Déclenchée le ${frenchDateTime(row.armedAt)}`}>
                    {row.age}
                  </time>
                </td>
                <td>
                  <a href={`/departements/${row.department}`}>{row.departmentLabel}</a>
                </td>
                <td>{row.commune}</td>
                <td>{row.event}</td>
                <td>{row.severity}</td>
                <td>{row.tlp}</td>
                <td>
                  {row.headline === null ? (
                    <span class="vigie-restricted">{row.restricted}</span>
                  ) : (
                    <a href={`/alertes/${row.alertId}`}>{row.headline}</a>
                  )}
                </td>
                <td>{row.step}</td>
                <td>{row.next}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {props.nextHref || props.later ? (
        <nav aria-label="Pages des escalades">
          <ul class="fr-btns-group fr-btns-group--inline-md">
            {props.later ? (
              <li>
                <a class="fr-btn fr-btn--secondary" href="/escalades">
                  Première page
                </a>
              </li>
            ) : null}
            {props.nextHref ? (
              <li>
                <a class="fr-btn" href={props.nextHref}>
                  Escalades plus récentes
                </a>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </Layout>
  );
}
