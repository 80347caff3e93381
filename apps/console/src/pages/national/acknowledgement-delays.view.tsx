import type { VNode } from 'preact';
import { Table } from '../../components/form';
import { Layout, type PageFrame } from '../../components/layout';
import type { DelayRow, DelaySort } from './acknowledgement-delays.model';
import { PeriodChoice } from './period-choice';
import type { TrendDays } from './trends.model';

const COLUMNS: { sort: DelaySort | null; label: string }[] = [
  { sort: 'departement', label: 'Département' },
  { sort: null, label: 'Escalades' },
  { sort: 'non-acquittees', label: 'Non acquittées' },
  { sort: 'mediane', label: 'Délai médian' },
  { sort: 'p90', label: 'Délai à 90 %' },
];

export function AcknowledgementDelaysPage(
  props: PageFrame & {
    days: TrendDays;
    sort: DelaySort;
    scope: string;
    rows: DelayRow[];
  },
): VNode {
  const link = (query: { jours: TrendDays; tri: DelaySort }) =>
    `/delais-acquittement?jours=${query.jours}&tri=${query.tri}`;
  return (
    <Layout title="Délais d’acquittement" viewer={props.viewer} csrfToken={props.csrfToken} section="delais">
      <h1>Délais d’acquittement des préfectures</h1>
      <p>
        {`Temps entre le déclenchement d’une escalade et l’acquittement de l’alerte par la préfecture, ${props.scope}, sur les ${props.days} derniers jours. « Délai à 90 % » : 9 alertes sur 10 ont été acquittées dans ce délai.`}
      </p>
      <PeriodChoice days={props.days} href={(days) => link({ jours: days, tri: props.sort })} />
      {props.rows.length === 0 ? (
        <p>Aucune escalade sur cette période.</p>
      ) : (
        <Table
          caption={`Délais d’acquittement par préfecture, ${props.days} jours`}
          headers={COLUMNS.map((column) =>
            column.sort === null || column.sort === props.sort ? (
              column.sort === null ? (
                column.label
              ) : (
                `${column.label} (tri actuel)`
              )
            ) : (
              <a href={link({ jours: props.days, tri: column.sort })}>{`${column.label} (trier)`}</a>
            ),
          )}
          id="delais-tableau"
        >
          <tbody>
            {props.rows.map((row) => (
              <tr>
                <td>
                  <a href={`/departements/${row.department}`}>{row.label}</a>
                </td>
                <td>{row.escalations}</td>
                <td>{row.unacknowledged}</td>
                <td>{row.median}</td>
                <td>{row.p90}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Layout>
  );
}
